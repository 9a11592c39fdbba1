import { describedBy, FieldFrame } from "./field-frame.tsx";

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onValue: (value: string) => void;
  required?: boolean;
  error?: string | undefined;
}

/** A labelled drop-down that shows its validation error beneath it. */
export function SelectField({
  id,
  label,
  value,
  options,
  onValue,
  required,
  error,
}: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} required={required} error={error}>
      <select
        id={id}
        name={id}
        value={value}
        aria-required={required ? "true" : undefined}
        {...describedBy(id, undefined, error)}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
