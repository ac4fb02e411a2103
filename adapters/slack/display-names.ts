import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';

/** Names change rarely; asking Slack once an hour per person is plenty. */
const keepMs = 60 * 60 * 1000;
const maxEntries = 5000;

/** A person's display name via users.info, cached; on any failure, no name (the id is shown instead). */
export function createDisplayNames(client: webApi.WebClient, log: Logger) {
  const cache = new Map<string, { name: string | undefined; at: number }>();
  return {
    async of(userId: string): Promise<string | undefined> {
      const hit = cache.get(userId);
      if (hit && Date.now() - hit.at < keepMs) return hit.name;
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
    },
  };
}

export type DisplayNames = ReturnType<typeof createDisplayNames>;
