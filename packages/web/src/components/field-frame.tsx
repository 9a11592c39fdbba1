import type { ComponentChildren } from "preact";

interface FieldFrameProps {
  id: string;
  label: string;
  required?: boolean | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}

/** Label, control, hint and error of one form field, wired together for screen readers. */
export function FieldFrame({ id, label, required, hint, error, children }: FieldFrameProps) {
  return (
    <div class={error ? "field field--invalid" : "field"}>
      <label for={id}>
        {label}
        {required && <span class="field__required"> (required)</span>}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Attributes that tie a control to its hint and error message. */
export function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return {
    "aria-describedby": ids || undefined,
    "aria-invalid": error ? ("true" as const) : undefined,
  };
}
