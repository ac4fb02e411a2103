/**
 * A pulse survey's 5-field cron in words, for `survey list`: the shapes admins write for surveys ("0 9 * * 1",
 * "0 9 1 1,4,7,10 *") read as "every Monday at 09:00", "on 1 Jan, Apr, Jul and Oct at 09:00". Anything else
 * (steps, ranges of hours) is shown as written: the next run, computed by the real parser, says when.
 */
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayAbbr = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const monthAbbr = monthNames.map((m) => m.toLowerCase());

const listed = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** "1,4" or "mon-fri" as numbers (names as their number); undefined for steps or anything unexpected. */
function numbers(field: string, names: string[], min: number, max: number): number[] | undefined {
  const one = (word: string) => {
    const named = names.indexOf(word.toLowerCase());
    const n = named >= 0 ? named + (names === monthAbbr ? 1 : 0) : /^\d{1,2}$/.test(word) ? Number(word) : NaN;
    return n >= min && n <= max ? n : undefined;
  };
  const out: number[] = [];
  for (const part of field.split(',')) {
    const [from = '', to, ...rest] = part.split('-');
    const a = one(from);
    const b = to === undefined ? a : one(to);
    if (a === undefined || b === undefined || rest.length > 0 || b < a) return undefined;
    for (let n = a; n <= b; n++) out.push(n);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The schedule in words, or undefined when it is not one of the plain shapes. */
export function scheduleInWords(cron: string): string | undefined {
  const [minute = '', hour = '', dom = '', month = '', dow = '', ...extra] = cron.trim().split(/\s+/);
  if (extra.length > 0 || !/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour)) return undefined;
  const at = `at ${pad(Number(hour))}:${pad(Number(minute))}`;
  const days = dom === '*' ? undefined : numbers(dom, [], 1, 31);
  const months = month === '*' ? undefined : numbers(month, monthAbbr, 1, 12);
  const weekdays = dow === '*' ? undefined : numbers(dow, dayAbbr, 0, 7)?.map((d) => d % 7);
  if ((dom !== '*' && !days) || (month !== '*' && !months) || (dow !== '*' && !weekdays)) return undefined;
  if (weekdays && (days || months)) return undefined;
  if (weekdays) {
    const unique = [...new Set(weekdays)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
    return `every ${listed(unique.map((d) => dayNames[d] ?? ''))} ${at}`;
  }
  if (!days) return months ? undefined : `every day ${at}`;
  const dayList = listed(days.map(String));
  if (!months) return `on day ${dayList} of every month ${at}`;
  return `on ${dayList} ${listed(months.map((m) => monthNames[m - 1] ?? ''))} ${at}`;
}
