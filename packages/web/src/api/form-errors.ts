import { ApiError } from "./api-error.ts";
import { describeFailure } from "./describe-failure.ts";

/** What a form shows after a failed submit: messages per field, and the rest above the buttons. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string[];
}

export const noFormErrors: FormErrors = { fields: {}, general: [] };

/** Places the API's validation errors next to the fields they concern. */
export function toFormErrors(error: unknown, formFields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, general: [describeFailure(error)] };
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const { path, message } of error.problem?.errors ?? []) {
    const formField = fieldOfPath(path);
    if (formFields.includes(formField)) {
      fields[formField] = fields[formField] ? `${fields[formField]} ${message}` : message;
    } else {
      general.push(path ? `${path}: ${message}` : message);
    }
  }
  if (Object.keys(fields).length === 0 && general.length === 0)
    general.push(describeFailure(error));
  return { fields, general };
}

/**
 * The top-level field a validation path points at, whichever notation the
 * server used: `price`, `/price`, `body.price`, `/body/price`, `items[0].name`.
 */
export function fieldOfPath(path: string): string {
  const segments = path.split(/[./[\]]+/).filter(Boolean);
  const first = segments[0] === "body" ? segments[1] : segments[0];
  return first ?? "";
}
