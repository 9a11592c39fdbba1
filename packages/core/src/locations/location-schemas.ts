import * as z from "zod";
import { boundedText, idParam } from "../db/column-limits.ts";

export const locationSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    created_at: z.string().describe("RFC 3339 timestamp"),
    updated_at: z.string().describe("RFC 3339 timestamp"),
  })
  .meta({ id: "Location" });
export type Location = z.infer<typeof locationSchema>;

export const locationName = boundedText(100).trim().min(1, "must not be empty");

export const locationBody = z.object({ name: locationName });
export type LocationInput = z.infer<typeof locationBody>;

export const locationIdParams = z.object({ id: idParam });

/** Where stock rows without a warehouse keep their units. */
export const unassignedLocationName = "Unassigned";
