import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';

/** Names change rarely; asking Slack once an hour per person is plenty. */
const keepMs = 60 * 60 * 1000;
const maxEntries = 5000;

/**
 * A person's display name via users.info, cached; on any failure, no name (the id is shown instead).
 * Lookups already under way are shared: a burst of messages from one person asks Slack once, not once each.
 */
export function createDisplayNames(client: webApi.WebClient, log: Logger) {
  const cache = new Map<string, { name: string | undefined; at: number }>();
  const pending = new Map<string, Promise<string | undefined>>();
  const lookUp = async (userId: string): Promise<string | undefined> => {
    let name: string | undefined;
    try {
      const { user } = await client.users.info({ user: userId });
      name = user?.profile?.display_name || user?.real_name || user?.name || undefined;
    } catch (err) {
      log.warn('could not look up a Slack user name', { user: userId, err });
    }
    if (cache.size >= maxEntries) cache.clear();
    cache.set(userId, { name, at: Date.now() });
    return name;
  };
  return {
    of(userId: string): Promise<string | undefined> {
      const hit = cache.get(userId);
      if (hit && Date.now() - hit.at < keepMs) return Promise.resolve(hit.name);
      const under = pending.get(userId);
      if (under) return under;
      const lookup = lookUp(userId).finally(() => pending.delete(userId));
      pending.set(userId, lookup);
      return lookup;
    },
  };
}

export type DisplayNames = ReturnType<typeof createDisplayNames>;
