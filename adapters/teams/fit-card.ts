import type { AdaptiveCard, CardElement } from './render.ts';

/** Size as sent: the JSON in UTF-8 bytes (Japanese takes three a character, an emoji four), not its length. */
export const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** What a person acts on is never dropped: buttons, and a form's inputs. */
const kept = (e: CardElement) => e.type === 'ActionSet' || String(e.type).startsWith('Input.');

/**
 * Teams refuses a message over its size limit: drop the card's last element that may go until `size()` is
 * within `budget`. The first element (the message's lead) and what a person acts on stay. False when that
 * is not enough.
 */
export function trimCard(card: AdaptiveCard, size: () => number, budget: number): boolean {
  while (size() > budget) {
    const last = card.body.findLastIndex((e, i) => i > 0 && !kept(e));
    if (last < 0) return false;
    card.body.splice(last, 1);
  }
  return true;
}

/** The largest n from `min` to `max` for which `fits(n)` holds, `min` when none does (a binary search). */
export function largestFitting(min: number, max: number, fits: (n: number) => boolean): number {
  let [lo, hi] = [min, max];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
