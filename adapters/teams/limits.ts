/** Teams refuses a message over 28 KB: the whole activity as sent, its JSON in UTF-8, not the card alone. */
const messageBytes = 28_000;
/**
 * Room kept for what is added to a rendered activity before it goes: from, recipient, conversation,
 * serviceUrl, channelId, locale, replyToId (long ids and two 256-character display names take 1.2 KB).
 */
const addressingBytes = 2_000;

/** Adaptive Card limits in Teams (learn.microsoft.com, "Cards reference" and "Format cards"), as data. */
export const teamsLimits = {
  cardVersion: '1.5',
  /** Teams shows at most six actions on a card; more are dropped silently, so split into rows. */
  actionsPerSet: 6,
  messageBytes,
  addressingBytes,
  /** What the renderer may use: the card alone (an invoke's answer), or the activity before its addressing. */
  cardBytes: messageBytes - addressingBytes,
  textBlockChars: 5000,
  /** Notification / summary text shown in the activity feed and toasts. */
  summaryChars: 1000,
  /** To make room, the summary (and the card's fallback text) is cut down to this, no further. */
  minSummaryChars: 100,
} as const;
