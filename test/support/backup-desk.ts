import { asc } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import type { Db } from '../../src/store/db.ts';
import { ticketEvents, tickets } from '../../src/store/schema.ts';
import { type DeskProcess, printedUrl, startDeskProcess, stopDeskProcess, waitFor } from './desk-process.ts';

/** A real desk process (as `npm start` runs it) and the local chat API it serves. */
export interface RunningDesk {
  run: DeskProcess;
  say(user: string, text: string): Promise<string>;
}

/** The settings a backed-up desk runs with: the store it is pointed at, plus ann as an admin. */
export const deskEnv = (store: { DATABASE_URL: string } | { DATA_DIR: string }, dataDir: string) => ({
  PORT: '0',
  DATA_DIR: dataDir,
  ADMINS: 'local:ann',
  KNOWLEDGE_WATCH: 'false',
  LOCAL_EMBEDDINGS: 'false',
  ...store,
});

export async function startDesk(env: Record<string, string>): Promise<RunningDesk> {
  const run = startDeskProcess(env);
  let gone = false;
  void run.exited.then(() => {
    gone = true;
  });
  await waitFor(() => gone || printedUrl(run) !== undefined, 'the desk to say it is running');
  const url = printedUrl(run);
  if (!url) throw new Error(`the desk did not start:\n${run.output()}`);
  return {
    run,
    async say(user, text) {
      const res = await fetch(new URL('/api/local/messages', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user, text }),
      });
      if (res.status !== 200) throw new Error(`the desk answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { messages: Message[] }).messages.map((m) => m.text).join('\n');
    },
  };
}

/** Stops the desk as an operator would before a backup (SIGTERM: it finishes, closes the store, lets go). */
export async function stopDesk(desk: RunningDesk): Promise<void> {
  desk.run.child.kill('SIGTERM');
  expect(await desk.run.exited).toBe(0);
}

/** For `finally`: ends a desk that may still be running, with every process it started. */
export const endDesk = (desk: RunningDesk | undefined) => (desk ? stopDeskProcess(desk.run) : Promise.resolve());

const refIn = (reply: string) => {
  const ref = /T-\d+/.exec(reply)?.[0];
  if (!ref) throw new Error(`no ticket in the reply: ${reply}`);
  return ref;
};

/**
 * A morning at the help desk: a question answered, three tickets opened, one claimed and escalated with a
 * handoff, one asked about, answered and resolved, one left waiting in the queue. Returns the tickets.
 */
export async function doDaysWork(desk: RunningDesk): Promise<string[]> {
  const { say } = desk;
  expect(await say('ann', 'staff add @ben tier1')).toMatch(/is now on/);
  expect(await say('ann', 'staff add @tess tier2')).toMatch(/is now on/);
  await say('alice', 'how do I reset my password?');
  const vpn = refIn(await say('alice', 'ticket VPN drops every hour'));
  const printer = refIn(await say('bob', 'ticket Printer on floor 2 jams'));
  const laptop = refIn(await say('carol', 'ticket Laptop fan is loud'));
  expect(await say('ben', `claim ${vpn}`)).toMatch(/is yours/);
  expect(await say('ben', `escalate ${vpn} tier2 firewall rule 7 suspected`)).toMatch(/Tier 2/);
  expect(await say('ben', `claim ${printer}`)).toMatch(/is yours/);
  await say('ben', `note ${printer} the fuser is worn`);
  await say('ben', `wait ${printer} Which tray jams?`);
  await say('bob', `reply ${printer} The bottom tray`);
  expect(await say('ben', `resolve ${printer} Replaced the fuser unit`)).toMatch(/resolved/i);
  return [vpn, printer, laptop];
}

/** What people see of the work: each ticket's details and history, each requester's list, the queues. */
export async function whatPeopleSee(desk: RunningDesk, refs: string[]): Promise<Record<string, string>> {
  const asks: [string, string][] = [
    ...refs.flatMap((ref): [string, string][] => [
      ['ann', `status ${ref}`],
      ['ann', `history ${ref}`],
    ]),
    ['alice', 'mine'],
    ['bob', 'mine'],
    ['carol', 'mine'],
    ['ann', 'queue'],
    ['tess', 'queue'],
  ];
  const seen: Record<string, string> = {};
  for (const [user, text] of asks) seen[`${user}: ${text}`] = withoutRunningTimes(await desk.say(user, text));
  return seen;
}

/**
 * How long a ticket has waited, and the time per tier of one still open, grow with the clock between the
 * backup and the restore: only they are left out of the comparison.
 */
const withoutRunningTimes = (reply: string) =>
  reply
    .replace(/waiting \d+ \w+/g, 'waiting (so long)')
    .replace(/^Time per tier: .*$/gm, (line) => line.replace(/\d+[dhm]( \d+[hm])*/g, '(so long)'));

/** Every ticket and every ticket event, whole, in order: what a restore must bring back unchanged. */
export async function ticketHistory(db: Db) {
  return {
    tickets: await db.select().from(tickets).orderBy(asc(tickets.id)),
    events: await db.select().from(ticketEvents).orderBy(asc(ticketEvents.id)),
  };
}
