import { describe, expect, it } from "vitest";
import { resourceNames } from "../../../stacks/config/resource-names.ts";
import { listenerRulesOf } from "../src/listener-rules.ts";
import { pathPatternMatcher } from "../src/path-pattern.ts";

describe("ALB path patterns", () => {
  it.each([
    { pattern: "/products/*", path: "/products/5", matches: true },
    { pattern: "/products/*", path: "/products/", matches: true },
    { pattern: "/products/*", path: "/products", matches: false },
    { pattern: "/products/*", path: "/Products/5", matches: false },
    { pattern: "/products/*", path: "/products/5/stock", matches: true },
    { pattern: "/img/?.png", path: "/img/a.png", matches: true },
    { pattern: "/img/?.png", path: "/img/ab.png", matches: false },
    { pattern: "/img/?.png", path: "/img/a-png", matches: false },
    { pattern: "/a+b/(x)", path: "/a+b/(x)", matches: true },
    { pattern: "/a+b/(x)", path: "/aab/x", matches: false },
  ])("when $pattern is matched against $path then it is $matches", ({ pattern, path, matches }) => {
    expect(pathPatternMatcher(pattern)(path)).toBe(matches);
  });
});

describe("the listener rules the stacks declare", () => {
  const targetFor = listenerRulesOf(resourceNames("dev"));

  it.each([
    { path: "/products/5", target: "productService" },
    { path: "/api/products/5", target: "productService" },
    { path: "/inventory/product/1", target: "inventoryService" },
    { path: "/api/inventory/3", target: "inventoryService" },
    { path: "/products", target: "apiGateway" },
    { path: "/api/products", target: "apiGateway" },
    { path: "/api/inventory", target: "apiGateway" },
    { path: "/api/products-full", target: "apiGateway" },
    { path: "/health", target: "apiGateway" },
    { path: "/", target: "apiGateway" },
    { path: "/PRODUCTS/5", target: "apiGateway" },
  ])("when the path is $path then $target answers", ({ path, target }) => {
    expect(targetFor(path)).toBe(target);
  });

  it("when no target or two targets lack a route then the rules are refused", () => {
    const names = resourceNames("dev");
    const twoDefaults = {
      ...names,
      appServices: {
        ...names.appServices,
        productService: { ...names.appServices.productService, route: undefined },
      },
    };

    expect(() => listenerRulesOf(twoDefaults)).toThrow(/Exactly one target/);
  });
});
