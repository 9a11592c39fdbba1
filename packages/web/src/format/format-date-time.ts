export interface DateTimeFormatOptions {
  locale?: string;
  /** IANA zone; the reader's own zone when omitted. */
  timeZone?: string;
}

/** An RFC 3339 timestamp as a short date and time (`Nov 28, 2026, 04:30`), or `—` when unreadable. */
export function formatDateTime(timestamp: string, options: DateTimeFormatOptions = {}): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(options.locale ?? "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
    timeZone: options.timeZone,
  }).format(date);
}
