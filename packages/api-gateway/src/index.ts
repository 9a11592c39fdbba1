export * from "./api-description/stockwiz-api-document.ts";
export * from "./build-gateway-app.ts";
export * from "./gateway-config.ts";
export * from "./gateway-lambda.ts";
export * from "./open-gateway.ts";
export * from "./routes/gateway-routes.ts";
export * from "./upstream/upstream-service.ts";
