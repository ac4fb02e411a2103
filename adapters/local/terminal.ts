/**
 * `npm run chat`: the desk in a terminal, over the local chat API of the desk at `base` (src/main.ts finds
 * a running one or starts one). Type a button's number to press it.
 */
import { createInterface } from 'node:readline/promises';
import type { Button, Message } from '../../src/messages/message.ts';
import { toPlainText } from './render-text.ts';

export async function runTerminalChat(base: string, user: string): Promise<void> {
  let offered: Button[] = [];
  const call = async (path: string, body: Record<string, string>): Promise<void> => {
    const res = await fetch(new URL(path, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, ...body }),
    });
    const payload = (await res.json()) as { messages?: Message[]; error?: string };
    if (!res.ok) return void console.log(`! ${payload.error ?? res.statusText}`);
    offered = [];
    for (const message of payload.messages ?? []) {
      const shown = toPlainText(message, offered.length + 1);
      offered.push(...shown.buttons);
      console.log(`\ndesk> ${shown.text.replaceAll('\n', '\n      ')}\n`);
    }
  };
  console.log(`Tierdesk terminal chat as "${user}" (${base}). Ask a question, type help, a button number, or quit.`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
  rl.prompt();
  // Iterating the interface queues lines typed (or piped) while the desk is still answering.
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    const pick = /^\d+$/.test(line) ? offered[Number(line) - 1] : undefined;
    if (pick) await call('/api/local/actions', { action: pick.actionId, value: pick.value });
    else if (line) await call('/api/local/messages', { text: line });
    rl.prompt();
  }
  rl.close();
}
