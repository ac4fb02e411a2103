import { z } from 'zod';
import { isoWeekOf, parseIsoWeek, shiftWeek } from '../digests/iso-week.ts';
import { type Tier, tiers } from '../model/tiers.ts';

/** The platforms a filter can name: those the desk speaks on. */
export const dashboardPlatforms = ['slack', 'teams', 'local'] as const;

export interface DashboardQuery {
  week: string;
  platform?: (typeof dashboardPlatforms)[number] | undefined;
  tier?: Tier | undefined;
  /** A week was asked for that is none (`2026-W60`): the page says so and shows the default. */
  badWeek?: string | undefined;
}

/** A select left on "All" sends an empty value; anything not on the list is read as "All" too. */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => ((values as readonly string[]).includes(v ?? '') ? (v as T[number]) : undefined));

const query = z.object({
  week: z.string().max(20).optional().catch(undefined),
  platform: choice(dashboardPlatforms).catch(undefined),
  tier: choice(tiers).catch(undefined),
});

/** The last whole ISO week in the CoE's time zone: the one a Monday morning digest reports. */
export const lastCompleteWeek = (now: Date, timeZone: string) => shiftWeek(isoWeekOf(now, timeZone), -1);

/** `?week=2026-W48&platform=slack&tier=tier2`, every part optional, read politely (nothing here is a 400). */
export function parseDashboardQuery(url: URL, now: Date, timeZone: string): DashboardQuery {
  const given = query.parse(Object.fromEntries(url.searchParams));
  const asked = given.week?.trim() ? parseIsoWeek(given.week) : undefined;
  const badWeek = given.week?.trim() && asked === undefined ? given.week : undefined;
  return {
    week: asked ?? lastCompleteWeek(now, timeZone),
    ...(given.platform ? { platform: given.platform } : {}),
    ...(given.tier ? { tier: given.tier } : {}),
    ...(badWeek ? { badWeek } : {}),
  };
}
