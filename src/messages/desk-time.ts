/**
 * A moment as people at the desk read it: in the desk's time zone (its business calendar's), in words,
 * "Tue 1 Dec 21:51"; the year only when it is not the current one. Formatters are built once per zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsOf(at: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
}

export function toDeskTime(at: Date, timeZone: string, now?: Date): string {
  const p = partsOf(at, timeZone);
  const sameYear = now === undefined || partsOf(now, timeZone).year === p.year;
  return `${p.weekday} ${p.day} ${p.month}${sameYear ? '' : ` ${p.year}`} ${p.hour}:${p.minute}`;
}
