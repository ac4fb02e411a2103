/**
 * A moment as people at the desk read it: in the desk's time zone (its business calendar's), in words,
 * "Tue 1 Dec 21:51"; the year only when it is not the current one.
 */
export function toDeskTime(at: Date, timeZone: string, now?: Date): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const partsOf = (d: Date) => Object.fromEntries(format.formatToParts(d).map((p) => [p.type, p.value]));
  const p = partsOf(at);
  const sameYear = now === undefined || partsOf(now).year === p.year;
  return `${p.weekday} ${p.day} ${p.month}${sameYear ? '' : ` ${p.year}`} ${p.hour}:${p.minute}`;
}
