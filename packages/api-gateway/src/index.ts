export * from "./build-gateway-app.ts";
export * from "./gateway-config.ts";
export * from "./upstream/upstream-service.ts";
