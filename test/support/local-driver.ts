import type { Message } from '../../src/messages/message.ts';
import type { ChatDriver, Seen } from '../journeys/chat-driver.ts';
import { startTestApp, type TestApp } from './test-app.ts';

const toSeen = (m: Message): Seen => ({
  text: m.text,
  buttons: (m.blocks ?? []).flatMap((b) => (b.kind === 'actions' ? b.buttons : [])),
});

/** The journeys' driver for the local chat: the same JSON API the web page uses. */
export async function createLocalDriver(app?: TestApp): Promise<ChatDriver & { app: TestApp }> {
  const running = app ?? (await startTestApp({ ADMINS: 'local:ann' }));
  const call = async (path: string, body: unknown) => {
    const res = await running.post(path, body);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { messages: Message[] }).messages.map(toSeen);
  };
  return {
    platform: 'local',
    identityOf: (user) => `local:${user}`,
    app: running,
    say: (user, text, options = {}) => call('/api/local/messages', { user, text, id: options.deliveryId }),
    click: (user, button) => call('/api/local/actions', { user, action: button.actionId, value: button.value }),
    close: () => running.close(),
  };
}
