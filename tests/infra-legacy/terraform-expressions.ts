import type { HclBody } from "./load-terraform.ts";

/**
 * A value Terraform only knows at apply time (an ARN, a module output) or an
 * expression this evaluator does not model (function calls, `for`). It keeps
 * the expression text, and, for `type.name[key].attr`, which resource it names.
 */
export class Unresolved {
  constructor(
    readonly expression: string,
    readonly resource?: { readonly address: string; readonly key?: string },
  ) {}
}

export interface Iterator {
  readonly key: unknown;
  readonly value: unknown;
}

/** Where names resolve: a module's body, its input values and the iterators in reach. */
export interface Scope {
  readonly body: HclBody;
  readonly input: (variable: string) => unknown;
  readonly iterators: Readonly<Record<string, Iterator>>;
}

/** `var.x` → `${var.x}`: an HCL interpolation as hcl2json writes it. */
export const interpolation = (expression: string): string => `\${${expression}}`;

type Segment =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "expr"; readonly expr: string };

/** Splits `a-${x}-b` into text and `${…}` parts, skipping quoted strings inside an interpolation. */
export function templateSegments(template: string): Segment[] {
  const segments: Segment[] = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    if (template.startsWith("${", i)) {
      if (text) segments.push({ kind: "text", text });
      text = "";
      const end = matchingBrace(template, i + 2);
      segments.push({ kind: "expr", expr: template.slice(i + 2, end).trim() });
      i = end + 1;
    } else {
      text += template[i];
      i += 1;
    }
  }
  if (text) segments.push({ kind: "text", text });
  return segments;
}

function matchingBrace(source: string, from: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = from; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === "\\") i += 1;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === "{") depth += 1;
    else if (char === "}") {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  throw new Error(`Unterminated interpolation in ${source}`);
}

/** Evaluates a value as hcl2json gives it: literals stay, `${…}` parts are resolved where possible. */
export function evaluate(value: unknown, scope: Scope): unknown {
  if (Array.isArray(value)) return value.map((item) => evaluate(item, scope));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, scope)]));
  }
  if (typeof value !== "string" || !value.includes("${")) return value;
  const segments = templateSegments(value);
  const [only] = segments;
  if (segments.length === 1 && only?.kind === "expr") return evaluateExpression(only.expr, scope);
  const parts = segments.map((segment) =>
    segment.kind === "text" ? segment.text : evaluateExpression(segment.expr, scope),
  );
  if (parts.some((part) => part instanceof Unresolved)) return new Unresolved(value);
  return parts.map(String).join("");
}

type Step = { readonly attribute: string } | { readonly index: Traversal | string | number };
interface Traversal {
  readonly root: string;
  readonly steps: readonly Step[];
}

/**
 * `var.x`, `local.x`, `each.value.port`, `aws_lb_target_group.service[each.key].arn`,
 * and `jsonencode(<one of those>)` (kept as the structure, for reading); anything
 * else is Unresolved.
 */
export function evaluateExpression(expression: string, scope: Scope): unknown {
  const encoded = /^jsonencode\((.+)\)$/s.exec(expression);
  if (encoded?.[1]) {
    const inner = evaluateExpression(encoded[1].trim(), scope);
    return inner instanceof Unresolved ? new Unresolved(expression) : inner;
  }
  const traversal = parseTraversal(expression);
  if (!traversal) return new Unresolved(expression);
  return resolveTraversal(traversal, expression, scope);
}

function resolveTraversal(traversal: Traversal, expression: string, scope: Scope): unknown {
  const [first, ...rest] = traversal.steps;
  const name = first && "attribute" in first ? first.attribute : undefined;
  let value: unknown;
  let steps: readonly Step[] = rest;
  if (traversal.root === "var" && name) value = scope.input(name);
  else if (traversal.root === "local" && name)
    value = evaluate(localNamed(scope.body, name), scope);
  else if (scope.iterators[traversal.root]) {
    value = scope.iterators[traversal.root];
    steps = traversal.steps;
  } else {
    // A resource, data source or module: known at apply time only.
    const [second] = rest;
    const key = second && "index" in second ? indexValue(second.index, scope) : undefined;
    const address = name ? `${traversal.root}.${name}` : traversal.root;
    return new Unresolved(expression, { address, key: typeof key === "string" ? key : undefined });
  }
  for (const step of steps) {
    if (value instanceof Unresolved) return new Unresolved(expression);
    const key = "attribute" in step ? step.attribute : indexValue(step.index, scope);
    if (key instanceof Unresolved) return new Unresolved(expression);
    if (value === null || typeof value !== "object" || !(String(key) in value)) {
      throw new Error(`${expression}: no ${String(key)} in ${JSON.stringify(value)}`);
    }
    value = (value as Record<string, unknown>)[String(key)];
  }
  return value;
}

function indexValue(index: Traversal | string | number, scope: Scope): unknown {
  return typeof index === "object" ? resolveTraversal(index, "", scope) : index;
}

function localNamed(body: HclBody, name: string): unknown {
  for (const block of body.locals ?? []) {
    if (name in block) return block[name];
  }
  throw new Error(`No local named ${name}`);
}

const identifier = /^[A-Za-z_][A-Za-z0-9_-]*/;

function parseTraversal(source: string): Traversal | undefined {
  const parsed = traversalAt(source.trim(), 0);
  return parsed && parsed.end === source.trim().length ? parsed.traversal : undefined;
}

function traversalAt(
  source: string,
  start: number,
): { traversal: Traversal; end: number } | undefined {
  const root = identifier.exec(source.slice(start))?.[0];
  if (!root) return undefined;
  const steps: Step[] = [];
  let i = start + root.length;
  while (i < source.length) {
    if (source[i] === ".") {
      const attribute =
        identifier.exec(source.slice(i + 1))?.[0] ?? /^\d+/.exec(source.slice(i + 1))?.[0];
      if (!attribute) return undefined;
      steps.push({ attribute });
      i += 1 + attribute.length;
    } else if (source[i] === "[") {
      const rest = source.slice(i + 1);
      const quoted = /^"([^"\\]*)"\]/.exec(rest);
      const numeric = /^(\d+)\]/.exec(rest);
      if (quoted?.[1] !== undefined) {
        steps.push({ index: quoted[1] });
        i += 1 + quoted[0].length;
      } else if (numeric?.[1]) {
        steps.push({ index: Number(numeric[1]) });
        i += 1 + numeric[0].length;
      } else {
        const inner = traversalAt(source, i + 1);
        if (!inner || source[inner.end] !== "]") return undefined;
        steps.push({ index: inner.traversal });
        i = inner.end + 1;
      }
    } else break;
  }
  return { traversal: { root, steps }, end: i };
}
