import type { StackContext } from "sst/constructs";
import { useFargateConfig } from "./config/stack-settings.ts";
import { ContainerRepository } from "./constructs/container-repository.ts";

/** The four image repositories; they outlive any service deployment. */
export function Registry({ stack, app }: StackContext) {
  const { names, registry } = useFargateConfig(app);
  const repository = (id: string, repositoryName: string) =>
    new ContainerRepository(stack, id, { repositoryName, ...registry }).repository;
  return {
    repositories: {
      apiGateway: repository("ApiGatewayRepository", names.appServices.apiGateway.repository),
      productService: repository(
        "ProductServiceRepository",
        names.appServices.productService.repository,
      ),
      inventoryService: repository(
        "InventoryServiceRepository",
        names.appServices.inventoryService.repository,
      ),
    },
    postgres: repository("PostgresRepository", names.postgresRepository),
  };
}
