import { createLogger } from "@stockwiz/adapters";
import closeWithGrace from "close-with-grace";
import { openLocalAlb } from "./open-local-alb.ts";

/** `npm run start:lambda`: the local ALB until SIGTERM or SIGINT, then a clean close. */
export async function startLocalAlb(): Promise<void> {
  const alb = await openLocalAlb();
  const logger = createLogger({ level: process.env.LOG_LEVEL || "info", name: "local-alb" });
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) logger.error({ err }, "shutting down after a fatal error");
    else logger.info({ signal }, "shutting down");
    await alb.close();
  });
  logger.info(
    `StockWiz on Lambda behind a local ALB: ${alb.url}/ (product-service ${alb.productServiceUrl}, inventory-service ${alb.inventoryServiceUrl})`,
  );
}
