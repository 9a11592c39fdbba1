import type { CfnValue } from "../infra/cloudformation.ts";

// Plain-JSON lookups in a synthesized template, or in a copy a test has changed.

export interface Resource {
  readonly id: string;
  readonly props: CfnValue;
}

/** Every resource of one CloudFormation type, with its logical id. */
export const ofType = (template: CfnValue, type: string): Resource[] =>
  Object.entries<CfnValue>(template.Resources ?? {})
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => ({ id, props: resource.Properties ?? {} }));

/** The properties of the template's only resource of a type. */
export function only(template: CfnValue, type: string): CfnValue {
  const found = ofType(template, type);
  if (found.length !== 1 || !found[0])
    throw new Error(`Expected one ${type}, found ${found.length}`);
  return found[0].props;
}

/** `{ Ref }` or `{ Fn::GetAtt }` → the logical id. */
export function refId(value: CfnValue): string {
  const id = value?.Ref ?? value?.["Fn::GetAtt"]?.[0];
  if (typeof id !== "string")
    throw new Error(`Expected a Ref or GetAtt, got ${JSON.stringify(value)}`);
  return id;
}

/** The properties of a resource by logical id. */
export function propsOf(template: CfnValue, id: string): CfnValue {
  const resource = template.Resources?.[id];
  if (!resource) throw new Error(`No resource ${id}`);
  return resource.Properties ?? {};
}
