/** Small, locale-stable formatting used by every view. */

export function toMs(t: string | number): number {
  return typeof t === 'number' ? t : Date.parse(t);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Wall-clock time of day in the viewer's zone, to the millisecond. */
export function clock(t: string | number): string {
  const ms = toMs(t);
  if (!Number.isFinite(ms)) return String(t);
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** A date and time for headers. */
export function dateTime(t: string | number): string {
  const ms = toMs(t);
  if (!Number.isFinite(ms)) return String(t);
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clock(ms)}`;
}

/** A duration people read at a glance: 850 ms, 1.2 s, 4 min 10 s, 2 h 5 min. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const neg = ms < 0 ? '-' : '';
  const a = Math.abs(ms);
  if (a < 1000) return `${neg}${Math.round(a)} ms`;
  if (a < 60_000) return `${neg}${(a / 1000).toFixed(1)} s`;
  const s = Math.round(a / 1000);
  if (s < 3600) return `${neg}${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const m = Math.round(s / 60);
  return `${neg}${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Host and path of a URL, for compact rows; the full URL goes in the title. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}
