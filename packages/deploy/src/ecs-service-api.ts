import {
  DescribeServicesCommand,
  type ECSClient,
  type Service,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";

export interface ServiceTarget {
  readonly cluster: string;
  readonly service: string;
}

/** The two ECS calls the deploy tool makes, for one service. */
export interface EcsServiceApi {
  describe(): Promise<Service>;
  forceNewDeployment(): Promise<Service>;
}

export class ServiceNotFoundError extends Error {
  override readonly name = "ServiceNotFoundError";
}

export function ecsServiceApi(client: ECSClient, target: ServiceTarget): EcsServiceApi {
  const where = `service ${target.service} in cluster ${target.cluster}`;
  return {
    async describe() {
      const answer = await client.send(
        new DescribeServicesCommand({ cluster: target.cluster, services: [target.service] }),
      );
      const [service] = answer.services ?? [];
      if (service === undefined) {
        // ECS answers 200 with a `failures` entry (reason MISSING) for an unknown service.
        const reason = answer.failures?.[0]?.reason ?? "not found";
        throw new ServiceNotFoundError(`${where}: ${reason}`);
      }
      return service;
    },
    async forceNewDeployment() {
      const answer = await client.send(
        new UpdateServiceCommand({
          cluster: target.cluster,
          service: target.service,
          forceNewDeployment: true,
        }),
      );
      if (answer.service === undefined)
        throw new ServiceNotFoundError(`${where}: no service returned`);
      return answer.service;
    },
  };
}
