import type { E2eStack, E2eStackOptions } from "../harness/e2e-stack.ts";

/** Starts the stack a suite runs through: the services as processes, or Lambda behind the ALB. */
export type StackStarter = (options?: E2eStackOptions) => Promise<E2eStack>;
