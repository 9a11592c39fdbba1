import { runMain } from "@stockwiz/adapters";
import { startLocalAlb } from "./start-local-alb.ts";

runMain(() => startLocalAlb());
