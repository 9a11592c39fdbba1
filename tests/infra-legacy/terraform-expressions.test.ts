import { describe, expect, it } from "vitest";
import {
  evaluate,
  interpolation,
  type Scope,
  templateSegments,
  Unresolved,
} from "./terraform-expressions.ts";

const hcl = interpolation;

// The few expression forms the facts are read through; everything else must stay Unresolved.
const scope: Scope = {
  body: { locals: [{ prefix: `${hcl("var.stage")}-stockwiz`, ports: { api: 8000 } }] },
  input: (name) => ({ stage: "dev", services: { "product-service": { port: 8001 } } })[name],
  iterators: { each: { key: "product-service", value: { port: 8001 } } },
};

describe("evaluating hcl2json values", () => {
  it.each<[string, unknown, unknown]>([
    ["a literal", 80, 80],
    ["a variable", hcl("var.stage"), "dev"],
    ["a local that uses a variable", hcl("local.prefix"), "dev-stockwiz"],
    ["an attribute of a local", hcl("local.ports.api"), 8000],
    ["each.value's attribute", hcl("each.value.port"), 8001],
    ["a quoted index", hcl('var.services["product-service"].port'), 8001],
    ["an index by each.key", hcl("var.services[each.key].port"), 8001],
    ["a template", `${hcl("var.stage")}-alb`, "dev-alb"],
    ["jsonencode of a local, kept as data", hcl("jsonencode(local.ports)"), { api: 8000 }],
    ["a nested object", { a: [hcl("var.stage")] }, { a: ["dev"] }],
  ])("when the value is %s then it resolves", (_what, value, expected) => {
    expect(evaluate(value, scope)).toEqual(expected);
  });

  it("when a resource instance is referenced then it stays Unresolved but names the instance", () => {
    const value = evaluate(hcl("aws_lb_target_group.service[each.key].arn"), scope);
    expect(value).toBeInstanceOf(Unresolved);
    expect((value as Unresolved).resource).toEqual({
      address: "aws_lb_target_group.service",
      key: "product-service",
    });
  });

  it.each([
    ["a function call", hcl("tostring(var.stage)"), "tostring(var.stage)"],
    [
      "a for expression",
      hcl("[for s in var.services : s.port]"),
      "[for s in var.services : s.port]",
    ],
    ["a module output", hcl("module.alb.dns_name"), "module.alb.dns_name"],
    [
      "a template with an apply-time part",
      `${hcl("aws_secretsmanager_secret.db.arn")}:password::`,
      `${hcl("aws_secretsmanager_secret.db.arn")}:password::`,
    ],
  ])("when the value is %s then it is Unresolved, with its text", (_what, value, expression) => {
    const result = evaluate(value, scope);
    expect(result).toBeInstanceOf(Unresolved);
    expect((result as Unresolved).expression).toBe(expression);
  });

  it("when a reference names a missing attribute then it throws instead of guessing", () => {
    expect(() => evaluate(hcl("local.ports.web"), scope)).toThrow(/no web/);
  });

  it("when a template has quotes inside an interpolation then it splits at the right brace", () => {
    expect(templateSegments(`${hcl('var.urls["api"]')}:${hcl("var.tag")}`)).toEqual([
      { kind: "expr", expr: 'var.urls["api"]' },
      { kind: "text", text: ":" },
      { kind: "expr", expr: "var.tag" },
    ]);
  });
});
