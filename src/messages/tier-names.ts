import type { Tier } from '../model/tiers.ts';

/** How a tier is named in a sentence ("moved to Tier 2"): one spelling everywhere. */
export const tierNames: Record<Tier, string> = {
  tier1: 'Tier 1',
  tier2: 'Tier 2',
  tier3: 'Tier 3',
  vendor: 'the vendor tier',
};

/** How a tier is labelled on a card or a list, where it stands alone. */
export const tierLabels: Record<Tier, string> = {
  tier1: 'Tier 1 help desk',
  tier2: 'Tier 2 technical',
  tier3: 'Tier 3 experts',
  vendor: 'External vendor',
};
