import path from "node:path";
import { type StackContext, use } from "sst/constructs";
import type { AppServiceKey } from "./config/resource-names.ts";
import { useFargateConfig, useStackSettings } from "./config/stack-settings.ts";
import { AlertTopic } from "./constructs/alert-topic.ts";
import {
  type EsbuildLambdaCodeProps,
  esbuildLambdaCode,
} from "./constructs/esbuild-lambda-code.ts";
import { ServiceAlarms } from "./constructs/service-alarms.ts";
import { ServiceDashboard } from "./constructs/service-dashboard.ts";
import { SyntheticCheck } from "./constructs/synthetic-check.ts";
import { Service } from "./service.ts";

/** How the synthetic check's Lambda bundle is built (shared with its bundle test). */
export function syntheticCheckBundle(rootDir: string): EsbuildLambdaCodeProps {
  return {
    packageDir: path.join(rootDir, "packages/synthetic-check"),
    entry: "src/lambda.ts",
    target: "node24",
  };
}

/** Alarms to the `<stage>-alerts` topic, the dashboard, and the scheduled synthetic check. */
export function Monitoring({ stack, app }: StackContext) {
  const { rootDir } = useStackSettings(app);
  const { names, monitoring } = useFargateConfig(app);
  const { service, loadBalancer, targetGroups, publicUrl } = use(Service);

  const { topic } = new AlertTopic(stack, "Alerts", {
    topicName: names.alertsTopic,
    emailAddress: monitoring.alertEmail,
  });
  const check = new SyntheticCheck(stack, "SyntheticCheck", {
    code: esbuildLambdaCode(syntheticCheckBundle(rootDir)),
    baseUrl: publicUrl,
    namespace: names.metricNamespace,
    everyMinutes: monitoring.syntheticCheckEveryMinutes,
  });
  // Alarms and widgets name each target group by its legacy name.
  const targetGroupsByName = Object.fromEntries(
    Object.entries(targetGroups).map(([key, group]) => [
      names.appServices[key as AppServiceKey].targetGroup,
      group,
    ]),
  );
  const { alarms } = new ServiceAlarms(stack, "Alarms", {
    namePrefix: names.service,
    service,
    loadBalancer,
    targetGroups: targetGroupsByName,
    syntheticHealth: check.healthMetric,
    thresholds: monitoring.alarms,
    topic,
  });
  new ServiceDashboard(stack, "Dashboard", {
    dashboardName: names.dashboard,
    service,
    loadBalancer,
    targetGroups: targetGroupsByName,
    syntheticHealth: check.healthMetric,
    syntheticResponseTime: check.responseTimeMetric,
    alarms,
  });
  return { topic };
}
