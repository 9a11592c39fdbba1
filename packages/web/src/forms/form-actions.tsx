interface FormActionsProps {
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
}

/** The buttons at the foot of every dialog form. */
export function FormActions({ busy, submitLabel, onCancel }: FormActionsProps) {
  return (
    <div class="form-actions">
      <button type="button" class="button--quiet" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" class="button--primary" disabled={busy} aria-busy={busy}>
        {busy ? "Saving…" : submitLabel}
      </button>
    </div>
  );
}
