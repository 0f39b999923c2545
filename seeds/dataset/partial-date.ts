/**
 * Dates in the curated files may be partial ("2019", "2019-09", "2019-09-16");
 * the graph stores full ISO dates, so a period's start becomes its first day
 * and its end its last day.
 */

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

interface DateParts {
  year: number;
  month: number | undefined;
  day: number | undefined;
}

function parsePartialDate(text: string): DateParts | undefined {
  const match = PARTIAL_DATE.exec(text);
  if (match === null) return undefined;
  const [, year, month, day] = match;
  return {
    year: Number(year),
    month: month === undefined ? undefined : Number(month),
    day: day === undefined ? undefined : Number(day),
  };
}

function countDaysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** True for "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real calendar period. */
export function isPartialDate(text: string): boolean {
  const parts = parsePartialDate(text);
  if (parts === undefined) return false;
  if (parts.month === undefined) return true;
  if (parts.month < 1 || parts.month > 12) return false;
  return (
    parts.day === undefined || (parts.day >= 1 && parts.day <= countDaysInMonth(parts.year, parts.month))
  );
}

/**
 * Expands a partial date to an ISO `YYYY-MM-DD`: the first day of the period
 * for `bound: 'start'`, the last for `'end'`. Throws on an invalid date.
 */
export function normalisePartialDate(text: string, bound: 'start' | 'end'): string {
  const parts = parsePartialDate(text);
  if (parts === undefined || !isPartialDate(text)) throw new Error(`not a date: ${JSON.stringify(text)}`);
  const month = parts.month ?? (bound === 'start' ? 1 : 12);
  const day = parts.day ?? (bound === 'start' ? 1 : countDaysInMonth(parts.year, month));
  return `${pad(parts.year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
