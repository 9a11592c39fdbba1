import { useState } from "preact/hooks";
import type { Location } from "../api/api-schemas.ts";
import { createLocation, renameLocation } from "../api/locations-api.ts";
import { FormAlert } from "../components/form-alert.tsx";
import { TextField } from "../components/text-field.tsx";
import { FormActions } from "../forms/form-actions.tsx";
import { useFormSubmission } from "../forms/use-form-submission.ts";
import { useIdempotentWrite } from "../forms/use-idempotent-write.ts";

const fields = ["name"] as const;

interface LocationFormProps {
  /** The location to rename; a new one is added when absent. */
  location?: Location | undefined;
  onSaved: (location: Location) => void;
  onCancel: () => void;
}

/** Adds or renames a location; a name already taken is the API's to refuse (409). */
export function LocationForm({ location, onSaved, onCancel }: LocationFormProps) {
  const [name, setName] = useState(location?.name ?? "");
  const { errors, busy, submit } = useFormSubmission(fields);
  const sendOnce = useIdempotentWrite();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const entered = name.trim();
    void submit(async () =>
      onSaved(
        location
          ? await renameLocation(location.id, entered)
          : await sendOnce({ location: entered }, (key) => createLocation(entered, key)),
      ),
    );
  };

  return (
    <form class="dialog-form" noValidate onSubmit={onSubmit}>
      <TextField
        id="location-name"
        label="Name"
        value={name}
        onValue={setName}
        required
        autoFocus
        error={errors.fields.name}
      />
      <FormAlert messages={errors.general} />
      <FormActions
        busy={busy}
        submitLabel={location ? "Rename" : "Add location"}
        onCancel={onCancel}
      />
    </form>
  );
}
