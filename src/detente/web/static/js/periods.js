// Calendar periods as the API buckets them (date_trunc): "period" is the first day, YYYY-MM-DD (UTC).

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

function parse(day) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(date) {
  return date.toISOString().slice(0, 10);
}

/** The first day of the period after `period`. */
export function nextPeriod(period, interval) {
  const d = parse(period);
  switch (interval) {
    case "day": d.setUTCDate(d.getUTCDate() + 1); break;
    case "week": d.setUTCDate(d.getUTCDate() + 7); break;
    case "month": d.setUTCMonth(d.getUTCMonth() + 1); break;
    case "quarter": d.setUTCMonth(d.getUTCMonth() + 3); break;
    case "year": d.setUTCFullYear(d.getUTCFullYear() + 1); break;
    default: throw new Error(`unknown interval ${interval}`);
  }
  return iso(d);
}

/** The last day of the period starting on `period` (for since/until filters). */
export function periodEnd(period, interval) {
  const d = parse(nextPeriod(period, interval));
  d.setUTCDate(d.getUTCDate() - 1);
  return iso(d);
}

/** A human label: "2023-06-23", "week of 2023-06-19", "June 2023", "2023 Q2", "2023".
 * short: for chart axes ("Jun 2023", "2023-06-19"). */
export function periodLabel(period, interval, short = false) {
  const d = parse(period);
  switch (interval) {
    case "week": return short ? period : `week of ${period}`;
    case "month": return `${short ? MONTHS[d.getUTCMonth()].slice(0, 3) : MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    case "quarter": return `${d.getUTCFullYear()} Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case "year": return String(d.getUTCFullYear());
    default: return period;
  }
}

/**
 * Insert the empty periods between the first and the last one so the chart is a timeline.
 * Points are {period, events, ...}; inserted ones have zero counts. Gives the input back unchanged
 * when filling would make more than `max` periods.
 */
export function fillPeriods(points, interval, max) {
  if (points.length < 2) return points.slice();
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const last = points[points.length - 1].period;
  const out = [];
  for (let p = points[0].period; p <= last; p = nextPeriod(p, interval)) {
    if (out.length >= max) return points.slice();
    out.push(byPeriod.get(p) || {
      period: p, events: 0, coop: 0, conflict: 0, quad_class_counts: { 1: 0, 2: 0, 3: 0, 4: 0 },
      goldstein_sum: 0, goldstein_mean: 0,
    });
  }
  const seen = new Set(out.map((p) => p.period));
  return points.every((p) => seen.has(p.period)) ? out : points.slice();
}
