/**
 * `npm run chat`: the desk in a terminal. Talks to a running `npm start` over the local chat API if one
 * answers; otherwise starts its own desk in this process (on a free port) and talks to that.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { bootFromEnvironment, configuredBaseUrl } from '../../src/main.ts';
import type { Button, Message } from '../../src/messages/message.ts';
import { toPlainText } from './render-text.ts';

const { values } = parseArgs({ options: { url: { type: 'string' }, user: { type: 'string', default: 'me' } } });
const user = values.user ?? 'me';

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(1500) })).ok;
  } catch {
    return false;
  }
}

let base = values.url ?? configuredBaseUrl();
let stop = async () => {};
if (!(await reachable(base))) {
  if (values.url) {
    console.error(`Nothing answers at ${values.url}.`);
    process.exit(1);
  }
  const app = await bootFromEnvironment({ PORT: '0', LOG_LEVEL: 'warn' });
  base = app.url;
  stop = app.close;
}

let offered: Button[] = [];
async function call(path: string, body: Record<string, string>): Promise<void> {
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
}

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
await stop();
