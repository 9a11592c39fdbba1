import type { Template } from "aws-cdk-lib/assertions";

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON is untyped by nature.
export type CfnValue = any;

export interface CfnResource {
  readonly logicalId: string;
  readonly properties: CfnValue;
  readonly raw: CfnValue;
}

/** All resources of one type, with their logical ids, for plain `expect` assertions. */
export function resourcesOfType(template: Template, type: string): CfnResource[] {
  return Object.entries(template.findResources(type)).map(([logicalId, raw]) => ({
    logicalId,
    properties: raw.Properties ?? {},
    raw,
  }));
}

export function onlyResourceOfType(template: Template, type: string): CfnResource {
  const found = resourcesOfType(template, type);
  if (found.length !== 1) throw new Error(`Expected one ${type}, found ${found.length}`);
  return found[0] as CfnResource;
}

/**
 * Follows an `Fn::ImportValue` to what the producing stack exports, so a test
 * can say "the service runs in *these* subnets of the Network stack".
 */
export function resolveImport(value: CfnValue, producer: Template): CfnValue {
  const exportName = value?.["Fn::ImportValue"];
  if (typeof exportName !== "string") return value;
  const outputs = producer.toJSON().Outputs ?? {};
  const output = Object.values<CfnValue>(outputs).find((o) => o.Export?.Name === exportName);
  if (!output) throw new Error(`No export named ${exportName}`);
  return output.Value;
}

/** Logical id behind `{ Ref }` / `{ Fn::GetAtt }` (after following an import). */
export function referencedLogicalId(value: CfnValue, producer?: Template): string | undefined {
  const resolved = producer ? resolveImport(value, producer) : value;
  return resolved?.Ref ?? resolved?.["Fn::GetAtt"]?.[0];
}

export function logicalIdsOf(resources: readonly CfnResource[]): string[] {
  return resources.map((resource) => resource.logicalId);
}

/** The container definitions of the stack's only task definition. */
export function containerDefinitions(template: Template): CfnValue[] {
  return onlyResourceOfType(template, "AWS::ECS::TaskDefinition").properties.ContainerDefinitions;
}

export function containerNamed(template: Template, name: string): CfnValue {
  const container = containerDefinitions(template).find((c) => c.Name === name);
  if (!container) throw new Error(`No container named ${name}`);
  return container;
}

/** `{ NAME: value }` of a container's plain environment. */
export function environmentOf(container: CfnValue): Record<string, CfnValue> {
  return Object.fromEntries((container.Environment ?? []).map((e: CfnValue) => [e.Name, e.Value]));
}

/** `{ NAME: valueFrom }` of a container's secrets. */
export function secretsOf(container: CfnValue): Record<string, CfnValue> {
  return Object.fromEntries((container.Secrets ?? []).map((s: CfnValue) => [s.Name, s.ValueFrom]));
}
