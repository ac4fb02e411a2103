import type { ReferenceStore } from './platform.ts';

/** How long a reference this process wrote counts as known: another replica may change it meanwhile. */
const freshMs = 60_000;
const maxKept = 10_000;

/**
 * A platform hands over a conversation's reference with every message (Teams: service URLs can move), and
 * it is nearly always the one saved a moment before: writing it again costs a JSON upsert per message for
 * nothing. This skips a save that would store exactly what this process stored under a minute ago. Only
 * that long, because another replica may have changed the row since (marked it gone, say): a minute on,
 * the next message writes it again. Reads always go to the store.
 */
export function skippingUnchanged(store: ReferenceStore, now: () => number = () => performance.now()): ReferenceStore {
  const saved = new Map<string, { json: string; at: number }>();
  return {
    async save(key, reference) {
      const json = JSON.stringify(reference);
      const known = saved.get(key);
      if (known && known.json === json && now() - known.at < freshMs) return;
      await store.save(key, reference);
      // Re-inserted, so the map's order is the order of saves and the oldest goes first when it is full.
      saved.delete(key);
      saved.set(key, { json, at: now() });
      if (saved.size > maxKept) saved.delete(saved.keys().next().value as string);
    },
    find: (key) => store.find(key),
  };
}
