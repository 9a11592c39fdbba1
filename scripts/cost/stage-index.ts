/**
 * The resources of a stage's templates, looked up by type or by reference: `Ref`,
 * `Fn::GetAtt` and `Fn::ImportValue` (followed to the stack that exports it).
 */

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON is untyped by nature.
export type CfnValue = any;

export interface CfnTemplate {
  readonly Resources?: Record<string, { readonly Type: string; readonly Properties?: CfnValue }>;
  readonly Outputs?: Record<string, { readonly Value: CfnValue; readonly Export?: CfnValue }>;
}

export interface StackTemplate {
  readonly stackName: string;
  readonly template: CfnTemplate;
}

export interface StageResource {
  /** `<stack>/<logicalId>`, unique in the stage. */
  readonly key: string;
  readonly stackName: string;
  readonly logicalId: string;
  readonly type: string;
  readonly properties: CfnValue;
}

export interface StageIndex {
  readonly stacks: readonly StackTemplate[];
  readonly all: readonly StageResource[];
  ofType(type: string): StageResource[];
  /** The resource a `Ref`, `Fn::GetAtt` or `Fn::ImportValue` written in `from`'s stack names. */
  referenced(value: CfnValue, from: StageResource): StageResource | undefined;
  /** Every resource referenced anywhere inside `value` (joins, subs, nested objects). */
  referencedWithin(value: CfnValue, from: StageResource): StageResource[];
}

export function indexStage(stacks: readonly StackTemplate[]): StageIndex {
  const all = stacks.flatMap(({ stackName, template }) =>
    Object.entries(template.Resources ?? {}).map(
      ([logicalId, resource]): StageResource => ({
        key: `${stackName}/${logicalId}`,
        stackName,
        logicalId,
        type: resource.Type,
        properties: resource.Properties ?? {},
      }),
    ),
  );
  const byKey = new Map(all.map((resource) => [resource.key, resource]));
  const exports = new Map<string, { stackName: string; value: CfnValue }>();
  for (const { stackName, template } of stacks) {
    for (const output of Object.values(template.Outputs ?? {})) {
      const name = output.Export?.Name;
      if (typeof name === "string") exports.set(name, { stackName, value: output.Value });
    }
  }

  const resolve = (value: CfnValue, stackName: string): StageResource | undefined => {
    const imported = value?.["Fn::ImportValue"];
    if (typeof imported === "string") {
      const exported = exports.get(imported);
      return exported && resolve(exported.value, exported.stackName);
    }
    const logicalId = value?.Ref ?? value?.["Fn::GetAtt"]?.[0];
    return typeof logicalId === "string" ? byKey.get(`${stackName}/${logicalId}`) : undefined;
  };

  const within = (value: CfnValue, stackName: string, found: StageResource[]): void => {
    const direct = resolve(value, stackName);
    if (direct) found.push(direct);
    else if (Array.isArray(value)) for (const item of value) within(item, stackName, found);
    else if (value && typeof value === "object") {
      for (const item of Object.values(value)) within(item, stackName, found);
    }
  };

  return {
    stacks,
    all,
    ofType: (type) => all.filter((resource) => resource.type === type),
    referenced: (value, from) => resolve(value, from.stackName),
    referencedWithin: (value, from) => {
      const found: StageResource[] = [];
      within(value, from.stackName, found);
      return [...new Set(found)];
    },
  };
}

/** A list property's length, or undefined when it is an intrinsic the template cannot count. */
export function listLength(value: CfnValue): number | undefined {
  return Array.isArray(value) ? value.length : undefined;
}
