import { createGatewayLambda } from "./gateway-lambda.ts";

// Top-level await: the init phase builds the app and its clients, once per environment.
export const { handler } = await createGatewayLambda();
