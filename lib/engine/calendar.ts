/** Calendar days in a time zone without a clock: Intl once per quarter hour, memoised. */

export type DayOf = (t: number) => string;

const QUARTER_HOUR = 15 * 60_000;

export function dayIn(timezone: string): DayOf {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  }
  // Every zone offset in use is a multiple of 15 minutes, so a day never changes inside a bucket.
  const memo = new Map<number, string>();
  return (t) => {
    const bucket = Math.floor(t / QUARTER_HOUR);
    let day = memo.get(bucket);
    if (day === undefined) {
      const d = new Date(bucket * QUARTER_HOUR);
      day = Number.isNaN(d.getTime()) ? String(bucket) : format.format(d);
      if (memo.size > 50_000) memo.clear();
      memo.set(bucket, day);
    }
    return day;
  };
}
