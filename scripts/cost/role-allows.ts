import type { CfnValue, StageIndex, StageResource } from "./stage-index.ts";

/**
 * Whether the function's role grants one of these actions (or every action of their service, or
 * `*`), in its inline policies or in a policy attached to it.
 */
export function roleAllows(
  fn: StageResource,
  stage: StageIndex,
  actions: readonly string[],
): boolean {
  const role = stage.referenced(fn.properties.Role, fn);
  if (!role) return false;
  const granting = new Set([...actions, ...actions.map((a) => `${a.split(":")[0]}:*`), "*"]);
  const documents = [
    ...(role.properties.Policies ?? []).map((policy: CfnValue) => policy.PolicyDocument),
    ...stage
      .ofType("AWS::IAM::Policy")
      .filter((policy) =>
        (policy.properties.Roles ?? []).some((r: CfnValue) => stage.referenced(r, policy) === role),
      )
      .map((policy) => policy.properties.PolicyDocument),
  ];
  return documents.some((document: CfnValue) =>
    (document?.Statement ?? []).some((statement: CfnValue) =>
      [statement.Action].flat().some((action) => granting.has(action)),
    ),
  );
}
