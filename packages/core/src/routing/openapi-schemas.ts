import * as z from "zod";

export type JsonSchema = Record<string, unknown>;

const componentRef = "#/components/schemas/";

/**
 * Turns zod schemas into the document's JSON Schemas. A schema registered with an id
 * (`.meta({ id: "Product" })`) becomes one component that every use refers to, so generated
 * clients get one named type for it rather than one anonymous copy per operation.
 */
export class OpenApiSchemas {
  readonly components: Record<string, JsonSchema> = {};

  /** What a client sends: transforms (string ids → numbers) are described as they travel. */
  input(schema: z.ZodType): JsonSchema {
    return this.convert(schema, "input");
  }

  /** What a client receives. */
  output(schema: z.ZodType): JsonSchema {
    return this.convert(schema, "output");
  }

  private convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const converted = z.toJSONSchema(schema, { io, unrepresentable: "any" });
    // zod writes registered schemas under $defs; in OpenAPI they live in components.schemas.
    const rewritten = JSON.parse(
      JSON.stringify(converted).replaceAll('"#/$defs/', `"${componentRef}`),
    ) as JsonSchema;
    const { $schema: _, $defs, ...rest } = rewritten;
    for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      this.addComponent(id, definition);
    }
    return rest;
  }

  private addComponent(id: string, definition: JsonSchema): void {
    const known = this.components[id];
    // The same id read as input and as output (a transform inside) would be two shapes.
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(definition)) {
      throw new Error(`Schema ${id} has two shapes in the API description`);
    }
    this.components[id] = definition;
  }
}
