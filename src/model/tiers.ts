/** The help desk's tiers, lowest first: escalation moves a ticket up this list, never down. */
export const tiers = ['tier1', 'tier2', 'tier3', 'vendor'] as const;
export type Tier = (typeof tiers)[number];

export const isTier = (word: string): word is Tier => (tiers as readonly string[]).includes(word);
