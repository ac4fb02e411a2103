import type { DeskContext } from '../desk-context.ts';
import { type DigestFigureKey, isDigestFigure } from '../messages/digest-copy.ts';
import { type DigestView, type FigurePair, toDigestMessage } from '../messages/digest-view.ts';
import type { Message } from '../messages/message.ts';
import type { LinkSigner } from '../signed-link.ts';
import type { DigestSettings } from './digest-settings.ts';
import type { HeadlineKey } from './headline-figures.ts';
import { buildWeeklyDigest, type DigestSources, type WeeklyDigest } from './weekly-digest.ts';

/** Weeks the digest's chart shows, ending with the digest's own. */
export const chartWeeks = 8;
/** Knowledge gaps the chat digest names; the dashboard lists more. */
const digestGaps = 3;
/** A posted digest's chart link opens this long (Teams fetches the picture each time a card is drawn). */
export const chartLinkDays = 30;

export interface DigestLinks {
  signer: LinkSigner;
  /** PUBLIC_URL, without a trailing slash: links are absolute with it, bare paths on the desk's server without. */
  publicUrl?: string;
}

/** The signed address of `week`'s trend chart, valid until `expiresAt`. */
export function chartUrl(links: DigestLinks, week: string, expiresAt: Date): string {
  const path = links.signer.sign(`/charts/trend.png?week=${week}&weeks=${chartWeeks}`, expiresAt);
  return `${links.publicUrl ?? ''}${path}`;
}

const pairOf = (digest: WeeklyDigest, key: HeadlineKey): FigurePair => {
  const change = digest.comparison.changes[key];
  return { previous: change.previous, current: change.current };
};

/** The digest as its view reads it: plain figures and lists, nothing the messages layer would have to know. */
export function toDigestView(digest: WeeklyDigest, chart?: string): DigestView {
  const { comparison } = digest;
  const keys = Object.keys(comparison.changes) as HeadlineKey[];
  return {
    week: digest.week,
    fromDate: digest.period.fromDate,
    toDate: digest.period.toDate,
    timeZone: digest.period.timeZone,
    figures: Object.fromEntries(keys.map((k) => [k, pairOf(digest, k)])) as Record<DigestFigureKey, FigurePair>,
    biggest: digest.biggestChanges.flatMap(({ key }) => (isDigestFigure(key) ? [{ key, ...pairOf(digest, key) }] : [])),
    maturity: {
      level: comparison.maturity.level,
      name: comparison.maturity.name,
      heldBy: comparison.maturity.heldBy.map((h) => h.text),
    },
    gaps: digest.knowledge.topGaps.slice(0, digestGaps).map((g) => ({ label: g.example, questions: g.count })),
    breaches: digest.breachesWithoutCapa,
    lowScores: digest.lowScores,
    ...(chart ? { chart: { url: chart, weeks: chartWeeks } } : {}),
  };
}

/** `week`'s digest as a message, its chart linked until `now` + `chartLinkDays`. */
export async function digestMessage(
  sources: DigestSources,
  links: DigestLinks,
  week: string,
  now: Date,
): Promise<Message> {
  const digest = await buildWeeklyDigest(sources, week);
  const url = chartUrl(links, week, new Date(now.getTime() + chartLinkDays * 86_400_000));
  return toDigestMessage(toDigestView(digest, url));
}

/** `week`'s digest as the desk's job and command send it: its store, articles and links, in the CoE's zone. */
export function deskDigestMessage(
  ctx: DeskContext,
  settings: DigestSettings,
  week: string,
  now: Date,
): Promise<Message> {
  const sources = { db: ctx.db, sla: ctx.sla, kb: ctx.kb, timeZone: settings.timeZone };
  const links = { signer: settings.links, ...(ctx.publicUrl ? { publicUrl: ctx.publicUrl } : {}) };
  return digestMessage(sources, links, week, now);
}
