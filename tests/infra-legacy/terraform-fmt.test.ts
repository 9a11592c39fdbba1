import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { infraLegacyDir } from "./load-terraform.ts";
import { interpolation } from "./terraform-expressions.ts";
import { terraformFmtProblems } from "./terraform-fmt.ts";

// `terraform fmt -check` cannot run here (no binary); this is its layout, checked by hand.
const hclFiles = readdirSync(infraLegacyDir, { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tf$|\.hcl\.example$|\.tfvars\.example$/.test(file))
  .sort();

describe("terraform fmt layout", () => {
  it("when infra-legacy is listed then it has the environment's and the five modules' files", () => {
    const directories = new Set(hclFiles.map((file) => path.dirname(file)));
    expect([...directories].sort()).toEqual([
      "environments/dev",
      "modules/alb",
      "modules/ecr",
      "modules/ecs",
      "modules/monitoring",
      "modules/network",
    ]);
  });

  it.each(hclFiles)("when %s is checked then it is laid out as terraform fmt writes it", (file) => {
    expect(terraformFmtProblems(readFileSync(path.join(infraLegacyDir, file), "utf8"))).toEqual([]);
  });
});

describe("the layout checker", () => {
  const formatted = [
    'resource "aws_lb" "this" {',
    "  name               = var.name",
    '  load_balancer_type = "application"',
    "  tags = {",
    '    Name = "x"',
    "  }",
    "",
    "  # a comment ends the run of aligned attributes",
    "  internal = false",
    "  enabled  = var.count >= 1 && var.on == true",
    "}",
    "",
  ].join("\n");

  it("when a file is formatted then it reports nothing", () => {
    expect(terraformFmtProblems(formatted)).toEqual([]);
  });

  it.each([
    [
      "an = out of line with its neighbours",
      formatted.replace("  name               =", "  name ="),
      [{ line: 2, message: '"=" at column 8, expected 22' }],
    ],
    [
      "a line indented by three",
      formatted.replace('    Name = "x"', '   Name = "x"'),
      [{ line: 5, message: "indented 3, expected 4" }],
    ],
    [
      "a closing brace left too deep",
      formatted.replace("\n  }\n", "\n    }\n"),
      [{ line: 6, message: "indented 4, expected 2" }],
    ],
    [
      "trailing whitespace",
      formatted.replace("internal = false", "internal = false  "),
      [{ line: 9, message: "trailing whitespace" }],
    ],
    [
      "no newline at the end",
      formatted.trimEnd(),
      [{ line: 11, message: "file must end with exactly one newline" }],
    ],
    [
      "a tab for indentation",
      formatted.replace('    Name = "x"', '\t\tName = "x"'),
      [
        { line: 5, message: "tab character" },
        { line: 5, message: "indented 2, expected 4" },
      ],
    ],
  ])("when a file has %s then it reports that line", (_what, source, expected) => {
    expect(terraformFmtProblems(source)).toEqual(expected);
  });

  it.each([
    [
      "an interpolation-only string",
      "  name = var.name",
      `  name = "${interpolation("var.name")}"`,
      `interpolation-only string "${interpolation("var.name")}"`,
    ],
    ["a quoted type constraint", "  type = string", '  type = "string"', "quoted type constraint"],
  ])("when a file has %s then it reports what fmt would rewrite", (_what, good, bad, message) => {
    const source = `variable "x" {\n${good}\n}\n`;
    expect(terraformFmtProblems(source)).toEqual([]);
    expect(terraformFmtProblems(source.replace(good, bad))).toEqual([{ line: 2, message }]);
  });

  it("when quotes and braces sit inside an interpolation then they are not counted", () => {
    const source = [
      "locals {",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: HCL source, not a JS template.
      '  image = "${var.urls["api-gateway"]}:${var.tag}"',
      '  probe = "{ not a block"',
      "}",
      "",
    ].join("\n");
    expect(terraformFmtProblems(source)).toEqual([]);
  });
});
