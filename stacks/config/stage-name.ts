/**
 * What a stage name may be. Every physical name of a stage starts with it, and the tightest
 * limits are AWS's: a target group name (`<stage>-inventory-svc-tg`) and a load balancer name
 * (`<stage>-alb`) hold at most 32 characters of letters, digits and hyphens, and never start
 * with `internal-`; ECR repositories (`<stage>-stockwiz-…`) and RDS identifiers are lowercase;
 * a CloudFormation stack name (`<stage>-stockwiz-Network`) starts with a letter.
 */
export const maxStageNameLength = 32 - "-inventory-svc-tg".length;

/** A pull request's preview stage: `pr-<number>`. */
export const previewStagePrefix = "pr-";

const stageNamePattern = /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/;

/** Why a stage name would fail somewhere in AWS; empty when it is fine. */
export function stageNameProblems(stage: string): string[] {
  const problems: string[] = [];
  if (stage.length === 0 || stage.length > maxStageNameLength) {
    problems.push(
      `it must be 1 to ${maxStageNameLength} characters long (target group names hold 32)`,
    );
  }
  if (!stageNamePattern.test(stage)) {
    problems.push(
      "it must be lowercase letters, digits and hyphens, start with a letter and not end with a hyphen",
    );
  }
  if (stage.includes("--")) problems.push("it must not hold two hyphens in a row");
  if (`${stage}-alb`.startsWith("internal-")) {
    problems.push('it must not start with "internal" (AWS reserves internal- load balancer names)');
  }
  return problems;
}

/** The stage name, or an error naming every rule it breaks; runs before any call to AWS. */
export function checkStageName(stage: string): string {
  const problems = stageNameProblems(stage);
  if (problems.length > 0) {
    throw new Error(`Stage name "${stage}" cannot be deployed: ${problems.join("; ")}`);
  }
  return stage;
}

/** The preview stage of a pull request, checked. */
export function previewStageOf(pullRequestNumber: number): string {
  if (!Number.isSafeInteger(pullRequestNumber) || pullRequestNumber < 1) {
    throw new Error(`Not a pull request number: ${pullRequestNumber}`);
  }
  return checkStageName(`${previewStagePrefix}${pullRequestNumber}`);
}
