/** Calendar dates for display: unambiguous day-month-year with the weekday ("Sat 28 Nov 2026"). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function displayDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return `${DAYS[date.getUTCDay()]} ${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

function utcDay(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const date = new Date(time);
  // 2026-02-31 is not a date.
  if (date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) return null;
  return time / 86_400_000;
}

/** Calendar days from `from` to `to` (ISO dates), or null when either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = utcDay(from);
  const b = utcDay(to);
  return a === null || b === null ? null : b - a;
}

/** The ISO date `days` calendar days before `iso`, or null when `iso` is not a date. */
export function daysBefore(iso: string, days: number): string | null {
  const day = utcDay(iso);
  if (day === null) return null;
  return new Date((day - days) * 86_400_000).toISOString().slice(0, 10);
}
