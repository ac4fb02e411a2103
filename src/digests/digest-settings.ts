import type { LinkSigner } from '../signed-link.ts';

/** The digests feature's own settings, given when it is created. */
export interface DigestSettings {
  /** DIGEST_CRON, read in `timeZone`. */
  cron: string;
  /** DIGEST_PLACES: where the scheduled digest goes (`slack:C0123`, `teams:19:…`, `local:#coe`). */
  places: readonly string[];
  /** COE_TIME_ZONE: weeks and the schedule are local there. */
  timeZone: string;
  /** Signs the chart links the digest carries. */
  links: LinkSigner;
}
