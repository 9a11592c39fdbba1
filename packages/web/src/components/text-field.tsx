import { describedBy, FieldFrame } from "./field-frame.tsx";

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** A search box: the browser offers to clear it. */
  search?: boolean;
  required?: boolean;
  hint?: string;
  error?: string | undefined;
  // Numbers use a text input with a numeric keyboard: number inputs change on
  // scroll and hide what was typed when it is not a number.
  inputMode?: "decimal" | "numeric";
  autoFocus?: boolean;
  multiline?: boolean;
}

/** A labelled text or number input that shows its validation error beneath it. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onValue, required, hint, error } = props;
  const shared = {
    id,
    name: id,
    value,
    "aria-required": required ? ("true" as const) : undefined,
    autoFocus: props.autoFocus,
    ...describedBy(id, hint, error),
  };
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      {props.multiline ? (
        <textarea {...shared} rows={2} onInput={(event) => onValue(event.currentTarget.value)} />
      ) : props.search ? (
        <input {...shared} type="search" onInput={(event) => onValue(event.currentTarget.value)} />
      ) : (
        <input
          {...shared}
          type="text"
          inputMode={props.inputMode}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
      )}
    </FieldFrame>
  );
}
