import type { HclBody, TerraformConfiguration } from "./load-terraform.ts";
import { evaluate, type Iterator, type Scope, Unresolved } from "./terraform-expressions.ts";

/**
 * The dev environment's own scope: variables take their defaults (dev's values
 * live in the environment's code, not in a tfvars file), or `inputs`.
 */
export function environmentScope(
  config: TerraformConfiguration,
  inputs: Readonly<Record<string, unknown>> = {},
): Scope {
  const body = config.environment;
  return {
    body,
    iterators: {},
    input: (name) => (name in inputs ? inputs[name] : defaultOf(body, name, "environment")),
  };
}

/** A called module's scope: inputs are the module block's arguments, evaluated in dev's scope. */
export function moduleScope(config: TerraformConfiguration, call: string): Scope {
  const body = config.modules[call];
  const arguments_ = config.environment.module?.[call]?.[0];
  if (!body || !arguments_) throw new Error(`dev calls no module named ${call}`);
  const caller = environmentScope(config);
  return {
    body,
    iterators: {},
    input: (name) =>
      name in arguments_ ? evaluate(arguments_[name], caller) : defaultOf(body, name, call),
  };
}

function defaultOf(body: HclBody, name: string, where: string): unknown {
  const variable = body.variable?.[name]?.[0];
  if (!variable) throw new Error(`${where}: no variable named ${name}`);
  return "default" in variable ? variable.default : new Unresolved(`var.${name}`);
}

/** A block (resource or nested) with the scope its expressions evaluate in. */
export class HclNode {
  constructor(
    readonly body: HclBody,
    readonly scope: Scope,
  ) {}

  /** The evaluated attribute; Unresolved parts stay Unresolved. */
  value(attribute: string): unknown {
    return evaluate(this.body[attribute], this.scope);
  }

  /** The evaluated attribute, which must be known at plan time. */
  known(attribute: string): unknown {
    const value = this.value(attribute);
    if (value === undefined || value instanceof Unresolved) {
      throw new Error(
        `${attribute} is not a plan-time value: ${JSON.stringify(this.body[attribute])}`,
      );
    }
    return value;
  }

  /** Nested blocks of one type, static ones then those a `dynamic` block generates. */
  blocks(type: string): HclNode[] {
    const nodes = (this.body[type] ?? []).map((body: HclBody) => new HclNode(body, this.scope));
    for (const dynamic of this.body.dynamic?.[type] ?? []) {
      const iterator = typeof dynamic.iterator === "string" ? dynamic.iterator : type;
      for (const each of expandForEach(evaluate(dynamic.for_each, this.scope), type)) {
        nodes.push(new HclNode(dynamic.content[0], withIterator(this.scope, iterator, each)));
      }
    }
    return nodes;
  }

  block(type: string): HclNode {
    const [first, ...others] = this.blocks(type);
    if (!first || others.length > 0) throw new Error(`Expected one ${type} block`);
    return first;
  }
}

/** Every instance of `resource "type" "name"` in a module, one per for_each key. */
export function resourceInstances(scope: Scope, type: string, name: string): HclNode[] {
  const body: HclBody | undefined = scope.body.resource?.[type]?.[name]?.[0];
  if (!body) throw new Error(`No resource ${type}.${name}`);
  if (!("for_each" in body)) return [new HclNode(body, scope)];
  return expandForEach(evaluate(body.for_each, scope), `${type}.${name}`).map(
    (each) => new HclNode(body, withIterator(scope, "each", each)),
  );
}

export function resourceInstance(scope: Scope, type: string, name: string, key?: string): HclNode {
  const instances = resourceInstances(scope, type, name);
  const found =
    key === undefined
      ? instances
      : instances.filter((node) => node.scope.iterators.each?.key === key);
  if (found.length !== 1 || !found[0]) throw new Error(`Expected one ${type}.${name}[${key}]`);
  return found[0];
}

function expandForEach(collection: unknown, what: string): Iterator[] {
  if (Array.isArray(collection)) return collection.map((item) => ({ key: item, value: item }));
  if (
    collection !== null &&
    typeof collection === "object" &&
    !(collection instanceof Unresolved)
  ) {
    return Object.entries(collection).map(([key, value]) => ({ key, value }));
  }
  throw new Error(`for_each of ${what} is not known at plan time`);
}

function withIterator(scope: Scope, name: string, each: Iterator): Scope {
  return { ...scope, iterators: { ...scope.iterators, [name]: each } };
}
