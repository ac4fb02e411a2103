import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Outbox } from './outbox.ts';
import type { MountedPlatform, Platform, PlatformServices, ReferenceStore } from './platform.ts';
import { findConversationReference, saveConversationReference } from './store/conversation-references.ts';
import type { Db } from './store/db.ts';
import { skippingUnchanged } from './unchanged-references.ts';

const referencesFor = (db: Db, platform: string, clock: Clock): ReferenceStore =>
  skippingUnchanged({
    save: (key, reference) => saveConversationReference(db, platform, key, reference, clock.now()),
    find: (key) => findConversationReference(db, platform, key),
  });

/**
 * Mounts every platform that is on, in order, each with its own stored references, and gives `outboxes`
 * each one's outbox as it is mounted. A platform with settings is on when they are set; one without always.
 */
export async function mountPlatforms(
  platforms: readonly Platform[],
  config: Config,
  deps: Omit<PlatformServices, 'references'> & { db: Db; clock: Clock; outboxes: Record<string, Outbox> },
): Promise<Map<string, MountedPlatform>> {
  const { db, clock, outboxes, ...shared } = deps;
  const named = new Map<string, MountedPlatform>();
  for (const platform of platforms) {
    const services = { ...shared, references: referencesFor(db, platform.name, clock) };
    const settings = config[platform.name];
    if (platform.settings && settings === undefined) continue;
    const m = await (platform.settings ? platform.mount(settings, services) : platform.mount(undefined, services));
    outboxes[platform.name] = m.outbox;
    named.set(platform.name, m);
  }
  return named;
}
