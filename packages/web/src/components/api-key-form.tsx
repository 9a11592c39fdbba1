import { useState } from "preact/hooks";
import { saveApiKey, savedApiKey } from "../api/api-key-store.ts";
import { describedBy, FieldFrame } from "./field-frame.tsx";

interface ApiKeyFormProps {
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Enters or forgets the API key sent with writes, for servers that require one. */
export function ApiKeyForm({ onDone, onCancel }: ApiKeyFormProps) {
  const [key, setKey] = useState(savedApiKey() ?? "");
  const hint = "Sent only with changes, only to this server; forgotten when the tab closes.";

  const onSubmit = (event: Event) => {
    event.preventDefault();
    saveApiKey(key.trim());
    onDone(key.trim() ? "API key saved for this tab." : "API key forgotten.");
  };

  return (
    <form class="dialog-form" onSubmit={onSubmit}>
      <FieldFrame id="api-key" label="API key" hint={hint}>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="off"
          value={key}
          {...describedBy("api-key", hint)}
          onInput={(event) => setKey(event.currentTarget.value)}
        />
      </FieldFrame>
      <div class="form-actions">
        <button type="button" class="button--quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="button--primary">
          {key.trim() ? "Save key" : "Forget key"}
        </button>
      </div>
    </form>
  );
}
