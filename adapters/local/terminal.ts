/**
 * `npm run chat`: the desk in a terminal, over the local chat API of the desk at `base` (src/main.ts finds
 * a running one or starts one). Type a button's number to press it. What arrives for the person meanwhile
 * (a reply from the help desk, their ticket claimed) is collected from their inbox and shown as it comes.
 */
import { clearLine, cursorTo } from 'node:readline';
import { createInterface } from 'node:readline/promises';
import { localChatCopy as say } from '../../src/messages/local-chat-copy.ts';
import type { Button } from '../../src/messages/message.ts';
import type { LocalMessage } from './local-outbox.ts';
import { toPlainText } from './render-text.ts';

export interface TerminalOptions {
  /** How often the person's inbox is read. */
  pollMs?: number;
}

export async function runTerminalChat(base: string, user: string, options: TerminalOptions = {}): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
  const tty = process.stdout.isTTY === true;
  let offered: Button[] = [];
  let waiting = false;
  /** Prints above the prompt, and puts the prompt (with what was being typed) back under it. */
  const print = (text: string) => {
    if (waiting || !tty) return void console.log(text);
    clearLine(process.stdout, 0);
    cursorTo(process.stdout, 0);
    console.log(text);
    rl.prompt(true);
  };
  /** What each message the desk may edit last said: an edit that changes nothing is not shown again. */
  const said = new Map<string, string>();
  const show = (messages: LocalMessage[], pushed = false) => {
    for (const message of messages) {
      const shown = toPlainText(message, offered.length + 1);
      if (message.replaces && said.get(message.replaces) === shown.text) continue;
      if (message.id) said.set(message.id, shown.text);
      offered.push(...shown.buttons);
      const label = !pushed ? '' : ` (${message.replaces ? say.updatedLabel : say.updateLabel})`;
      print(`\ndesk${label}> ${shown.text.replace(/\n(?=.)/g, '\n      ')}\n`);
    }
  };
  const call = async (path: string, body: Record<string, string>): Promise<void> => {
    const res = await fetch(new URL(path, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, ...body }),
    }).catch(() => undefined);
    if (!res) return void console.log(`! ${say.offline}`);
    const payload = (await res.json()) as { messages?: LocalMessage[]; error?: string };
    if (!res.ok) return void console.log(`! ${payload.error ?? res.statusText}`);
    offered = [];
    show(payload.messages ?? []);
  };
  let polling = Promise.resolve();
  const poll = () => {
    polling = polling.then(async () => {
      const res = await fetch(new URL(`/api/local/inbox?user=${encodeURIComponent(user)}`, base)).catch(
        () => undefined,
      );
      if (!res?.ok) return; // The desk may be restarting: the next poll tries again.
      show(((await res.json()) as { messages?: LocalMessage[] }).messages ?? [], true);
    });
  };
  const timer = setInterval(poll, options.pollMs ?? 1500);
  poll();
  console.log(say.greeting(user, base));
  // Ctrl+C or a stop signal ends the chat as `quit` does, so a desk started for it closes cleanly.
  rl.on('SIGINT', () => rl.close());
  const stop = () => rl.close();
  process.once('SIGTERM', stop);
  rl.prompt();
  // Iterating the interface queues lines typed (or piped) while the desk is still answering.
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    const number = /^\d+$/.test(line) ? Number(line) : undefined;
    const pick = number === undefined ? undefined : offered[number - 1];
    waiting = true;
    if (number !== undefined && !pick) console.log(say.noSuchChoice(offered.length));
    else if (pick) await call('/api/local/actions', { action: pick.actionId, value: pick.value });
    else if (line) await call('/api/local/messages', { text: line });
    waiting = false;
    rl.prompt();
  }
  clearInterval(timer);
  process.off('SIGTERM', stop);
  rl.close();
  await polling;
}
