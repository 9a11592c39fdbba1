import { useState } from "preact/hooks";
import { type FormErrors, noFormErrors, toFormErrors } from "../api/form-errors.ts";

/**
 * Runs a form's save action, keeping it from being sent twice and turning a
 * refusal from the API into errors next to the fields.
 */
export function useFormSubmission(formFields: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const [busy, setBusy] = useState(false);

  const submit = async (save: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setErrors(noFormErrors);
    try {
      await save();
    } catch (error) {
      setErrors(toFormErrors(error, formFields));
    } finally {
      setBusy(false);
    }
  };

  return { errors, setErrors, busy, submit };
}
