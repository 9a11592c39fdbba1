import { runMain } from "@stockwiz/adapters";
import { startAllInOne } from "./start-all-in-one.ts";

runMain(() => startAllInOne());
