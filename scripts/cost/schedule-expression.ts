/**
 * How often an EventBridge schedule fires in an average month: `rate(5 minutes)`,
 * `cron(0/15 8-18 ? * MON-FRI *)`, `at(2026-12-01T00:00:00)` (once: 0 a month).
 */
const secondsPerUnit: Readonly<Record<string, number>> = {
  minute: 60,
  minutes: 60,
  hour: 3_600,
  hours: 3_600,
  day: 86_400,
  days: 86_400,
};

/** Runs per month for a month of `hoursPerMonth`; undefined when the expression is not understood. */
export function runsPerMonth(expression: string, hoursPerMonth: number): number | undefined {
  const secondsPerMonth = hoursPerMonth * 3_600;
  const rate = /^rate\(\s*(\d+)\s+([a-z]+)\s*\)$/.exec(expression.trim());
  if (rate) {
    const unit = secondsPerUnit[rate[2] as string];
    const value = Number(rate[1]);
    return unit && value > 0 ? secondsPerMonth / (value * unit) : undefined;
  }
  if (/^at\(.+\)$/.test(expression.trim())) return 0;
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  const fields = cron?.[1]?.trim().split(/\s+/);
  if (fields?.length !== 6) return undefined;
  const [minutes, hours, dayOfMonth, month, dayOfWeek] = fields as [
    string,
    string,
    string,
    string,
    string,
  ];
  const perHour = countValues(minutes, 0, 59);
  const perDay = countValues(hours, 0, 23);
  const monthsShare = isEvery(month) ? 1 : (countValues(month, 1, 12) ?? Number.NaN) / 12;
  const daysPerMonth = hoursPerMonth / 24;
  const days = !isEvery(dayOfWeek)
    ? ((countValues(dayOfWeek, 1, 7) ?? Number.NaN) * daysPerMonth) / 7
    : isEvery(dayOfMonth)
      ? daysPerMonth
      : countValues(dayOfMonth, 1, 31);
  if (perHour === undefined || perDay === undefined || days === undefined) return undefined;
  const runs = perHour * perDay * days * monthsShare;
  return Number.isFinite(runs) ? runs : undefined;
}

const isEvery = (field: string) => field === "*" || field === "?";

const dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const monthNames = [
  "JAN",
  "FEB",
  "MAR",
  "APR",
  "MAY",
  "JUN",
  "JUL",
  "AUG",
  "SEP",
  "OCT",
  "NOV",
  "DEC",
];

function numberOf(token: string, min: number): number {
  const upper = token.toUpperCase();
  if (dayNames.includes(upper)) return dayNames.indexOf(upper) + 1;
  if (monthNames.includes(upper)) return monthNames.indexOf(upper) + 1;
  // `L`, `15W`, `6#3` name one day each.
  const digits = /^(\d+)/.exec(token)?.[1];
  return digits === undefined ? min : Number(digits);
}

/** How many values of [min, max] a cron field selects. */
function countValues(field: string, min: number, max: number): number | undefined {
  if (isEvery(field)) return max - min + 1;
  let count = 0;
  for (const part of field.split(",")) {
    const [range, stepText] = part.split("/") as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!(step > 0)) return undefined;
    const [from, to] = range.includes("-")
      ? (range.split("-").map((token) => numberOf(token, min)) as [number, number])
      : [
          range === "*" ? min : numberOf(range, min),
          stepText === undefined ? numberOf(range, min) : max,
        ];
    if (!(to >= from)) return undefined;
    count += Math.floor((to - from) / step) + 1;
  }
  return count;
}
