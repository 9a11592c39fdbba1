import { runMain } from "@stockwiz/adapters";
import { startGateway } from "./start-gateway.ts";

runMain(() => startGateway());
