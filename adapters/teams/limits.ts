/** Adaptive Card limits in Teams (learn.microsoft.com, "Cards reference" and "Format cards"), as data. */
export const teamsLimits = {
  cardVersion: '1.5',
  /** Teams shows at most six actions on a card; more are dropped silently, so split into rows. */
  actionsPerSet: 6,
  /** The whole message, card included, must stay under 28 KB. */
  cardBytes: 28_000,
  textBlockChars: 5000,
  /** Notification / summary text shown in the activity feed and toasts. */
  summaryChars: 1000,
} as const;
