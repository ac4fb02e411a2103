/** What a person sees of one bot message, on any platform: its text and the buttons they can press. */
export interface Seen {
  text: string;
  buttons: { label: string; actionId: string; value: string }[];
}

/**
 * Drives the desk the way a person on one platform would. Journeys are written against this once and
 * run on every adapter; each adapter's driver speaks its platform's real protocol underneath.
 */
export interface ChatDriver {
  readonly platform: string;
  /** The full identity of a user on this platform, as `staff add` and ADMINS accept it. */
  identityOf(user: string): string;
  /** Sends a chat message; `deliveryId` lets a journey replay the same delivery. */
  say(user: string, text: string, options?: { deliveryId?: string }): Promise<Seen[]>;
  /** Presses a button the user was shown. */
  click(user: string, button: Seen['buttons'][number]): Promise<Seen[]>;
  close(): Promise<void>;
}

export function findButton(seen: Seen[], label: RegExp): Seen['buttons'][number] {
  const button = seen.flatMap((s) => s.buttons).find((b) => label.test(b.label));
  if (!button) throw new Error(`no button matching ${label} in ${JSON.stringify(seen)}`);
  return button;
}

export const allText = (seen: Seen[]) => seen.map((s) => s.text).join('\n');
