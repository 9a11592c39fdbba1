/** Time until a deadline as `m:ss` or `h:mm:ss`, rounded up to the second; `expired` once reached. */
export function formatTimeLeft(milliseconds: number): string {
  if (milliseconds <= 0) return "expired";
  const seconds = Math.ceil(milliseconds / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}
