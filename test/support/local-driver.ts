import { buttonsOf, type Message } from '../../src/messages/message.ts';
import { type ChatDriver, type DriverOptions, placeKey, type QueueName, type Seen } from '../journeys/chat-driver.ts';
import { abandonClaims } from './abandoned-claims.ts';
import { failNextInsert } from './fail-once.ts';
import { startTestApp, type TestApp } from './test-app.ts';

const toSeen = (m: Message): Seen => ({
  text: m.text,
  buttons: buttonsOf(m),
  forms: (m.blocks ?? []).flatMap((b) =>
    b.kind === 'form' ? [{ id: b.form.id, label: b.form.title, fields: b.form.fields.map((f) => f.name) }] : [],
  ),
  images: (m.blocks ?? []).flatMap((b) => (b.kind === 'image' ? [b.alt] : [])),
});

/** The local channels the journeys' queues live in. */
const localQueues: Record<QueueName, string> = {
  tier1: '#it-tier1',
  tier2: '#it-tier2',
  tier3: '#it-tier3',
  vendor: '#it-vendor',
  coe: '#coe',
};

/** The journeys' driver for the local chat: the same JSON API the web page uses, inboxes included. */
export async function createLocalDriver(
  options: DriverOptions = {},
  app?: TestApp,
): Promise<ChatDriver & { app: TestApp }> {
  const queues = options.queues ?? [];
  const running =
    app ??
    (await startTestApp({
      ADMINS: (options.admins ?? ['ann']).map((a) => `local:${a}`).join(','),
      ...Object.fromEntries(queues.map((q) => [placeKey(q), `local:${localQueues[q]}`])),
      ...options.env,
    }));
  const call = async (path: string, body: unknown) => {
    const res = await running.post(path, body);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { messages: Message[] }).messages.map(toSeen);
  };
  return {
    platform: 'local',
    identityOf: (user) => `local:${user}`,
    app: running,
    failNextInsert: (table) => failNextInsert(running.store, table),
    abandonClaims: () => abandonClaims(running.store),
    say: (user, text, options = {}) => call('/api/local/messages', { user, text, id: options.deliveryId }),
    click: (user, button) => call('/api/local/actions', { user, action: button.actionId, value: button.value }),
    // As the web page posts a form: its id and each field's value by name.
    submitForm: (user, form, values, options = {}) =>
      call('/api/local/forms', { user, form: form.id, values, id: options.deliveryId }),
    async inbox(of) {
      // Tier 1 always has a queue on the local chat (QUEUE_TIER1's default); others only when configured.
      if ('place' in of && of.place !== 'tier1' && !queues.includes(of.place)) {
        throw new Error(`no ${of.place} queue on this desk: create the driver with queues: ['${of.place}']`);
      }
      const query =
        'user' in of ? `user=${encodeURIComponent(of.user)}` : `place=${encodeURIComponent(localQueues[of.place])}`;
      const res = await running.get(`/api/local/inbox?${query}`);
      if (res.status !== 200) throw new Error(`/api/local/inbox?${query} answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { messages: Message[] }).messages.map(toSeen);
    },
    at: (when) => running.clock.set(when),
    async sweep() {
      const report = await running.sweep();
      await running.idle();
      return report;
    },
    async runJob(name) {
      await running.runJob(name);
      await running.idle();
    },
    close: () => running.close(),
  };
}
