import path from "node:path";
import { NagSuppressions } from "cdk-nag";
import { Service, type StackContext } from "sst/constructs";
import { appServiceKeys } from "./config/resource-names.ts";
import { serviceEnvironment } from "./config/service-environment.ts";
import { useStackSettings } from "./config/stack-settings.ts";

/**
 * `sst dev` only. The services run on the developer's machine; each SST
 * Service here is a placeholder (not deployed) that holds the service's
 * environment, which `sst bind` hands to the local process.
 */
export function LocalServices({ stack, app }: StackContext) {
  const { config, rootDir } = useStackSettings(app);
  const local = config.localDevelopment;
  if (!local) throw new Error(`Stage ${config.stage} cannot run under sst dev`);
  const { names } = config;
  const services = appServiceKeys.map((key) => {
    const service = names.appServices[key];
    const placeholder = new Service(stack, service.container, {
      path: path.join(rootDir, "packages", service.container),
      port: service.port,
      dev: { deploy: false, url: `http://localhost:${service.port}` },
      environment: serviceEnvironment(
        names,
        service,
        { database: { url: local.databaseUrl }, redisUrl: local.redisUrl },
        "development",
      ),
    });
    NagSuppressions.addResourceSuppressions(
      placeholder,
      [
        {
          id: "AwsSolutions-L1",
          reason: "SST's dev placeholder function: it pins the runtime, serves nothing",
        },
        {
          id: "AwsSolutions-IAM4",
          reason: "SST's dev placeholder logs through AWSLambdaBasicExecutionRole",
          appliesTo: [
            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
          ],
        },
        {
          id: "AwsSolutions-IAM5",
          reason: "SST's dev placeholder enables X-Ray tracing, whose actions take no resource",
          appliesTo: ["Resource::*"],
        },
      ],
      true,
    );
    return placeholder;
  });
  stack.addOutputs(
    Object.fromEntries(services.map((service) => [`${service.id}Url`, service.url ?? ""])),
  );
  return { services };
}
