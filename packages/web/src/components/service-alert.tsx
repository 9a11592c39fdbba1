import { type ApiError, NO_RESPONSE } from "../api/api-error.ts";

interface ServiceAlertProps {
  /** What failed to load, e.g. "Products". */
  subject: string;
  error: ApiError;
  onRetry: () => void;
}

/** Says plainly that a service is down instead of leaving an empty table. */
export function ServiceAlert({ subject, error, onRetry }: ServiceAlertProps) {
  return (
    <div class="service-alert" role="alert">
      <p>
        <strong>{headline(subject, error)}</strong> {explanation(error)}
      </p>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

function headline(subject: string, error: ApiError): string {
  if (error.status === NO_RESPONSE) return "The StockWiz gateway is not answering.";
  if (error.isServiceUnavailable) return `${subject} are unavailable right now.`;
  return `${subject} could not be loaded.`;
}

function explanation(error: ApiError): string {
  if (error.status === NO_RESPONSE) return "Check the connection, then retry.";
  const cause = error.isServiceUnavailable
    ? "A service behind the gateway is down or too slow; the figures below may be incomplete."
    : "";
  return `${cause} (${error.message}, HTTP ${error.status})`.trim();
}
