import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/knowledge/articles/article.ts';
import type { Message } from '../../src/messages/message.ts';
import type { Store } from '../../src/store/open-store.ts';
import { buttonsOf, shippedKnowledge, startTestApp, type TestApp } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

describe('knowledge gaps and draft articles (local chat)', () => {
  let store: Store;
  let app: TestApp;
  let draftsDir: string;
  // Drafts go to their own folder, outside the live articles (which are the shipped ones, untouched).
  const env = () => ({ ADMINS: 'local:ann', KNOWLEDGE_DIR: shippedKnowledge, DRAFTS_DIR: draftsDir });

  beforeAll(async () => {
    draftsDir = join(await mkdtemp(join(tmpdir(), 'tierdesk-drafts-')), 'drafts');
    store = await createTestStore();
    app = await startTestApp(env(), store);
    for (const command of ['staff add @lena lead', 'staff add @ben tier1', 'staff add @tess tier2'])
      await say('ann', command);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await rm(dirname(draftsDir), { recursive: true, force: true });
  });

  const post = async (path: string, body: unknown, on: TestApp = app) =>
    ((await (await on.post(path, body)).json()) as { messages: Message[] }).messages;
  const say = async (user: string, text: string, on: TestApp = app) =>
    (await post('/api/local/messages', { user, text }, on)).map((m) => m.text).join('\n');
  const press = async (user: string, message: Message | undefined, actionId: string) => {
    const button = buttonsOf(message).find((b) => b.actionId === actionId);
    if (!button) throw new Error(`no ${actionId} button on: ${message?.text}`);
    return post('/api/local/actions', { user, action: button.actionId, value: button.value });
  };
  const ask = async (user: string, text: string) => (await post('/api/local/messages', { user, text }))[0];

  it('shows a lead the declined and not-helpful questions grouped, with counts, reasons and examples', async () => {
    const parking = [
      'how do I book a parking space at the office',
      'where can visitors book a parking space',
      'book parking space for tomorrow',
    ];
    for (const [i, q] of parking.entries()) {
      const reply = await ask(`asker${i}`, q);
      expect(buttonsOf(reply).map((b) => b.actionId)).toEqual(['talk_to_human']);
    }
    // Answered, but it did not help (both asked before either said so); one of them went on to a human.
    const answered = await ask('dora', 'my vpn keeps disconnecting every few minutes');
    const again = await ask('erin', 'vpn keeps disconnecting after a few minutes');
    await press('dora', (await press('dora', answered, 'not_helpful'))[0], 'talk_to_human');
    await press('erin', again, 'not_helpful');

    // Small talk is answered in kind, and is no gap in the knowledge base.
    expect(await say('gus', 'hello!')).toMatch(/^Hi! Ask me a question/);
    expect(await say('gus', 'thanks')).toBe("You're welcome! Ask me anything else any time.");

    const gaps = await say('lena', 'gaps');
    expect(gaps).toMatch(/Knowledge gaps, last 90 days: 5 questions .* in 2 groups/);
    expect(gaps).toMatch(/1\. 3 questions \(3 declined\)\n- "book parking space for tomorrow"/);
    for (const q of parking) expect(gaps).toContain(`"${q}"`);
    expect(gaps).toMatch(/2\. 2 questions \(2 not helpful, 1 escalated\) · most suggested: .*\(vpn-connect\)/);
    expect(await say('lena', 'gaps 1')).not.toMatch(/2\. 2 questions/);
    expect(await say('ann', 'gaps 30d')).toMatch(/last 30 days/);
  });

  it('refuses gaps to requesters and agents, politely', async () => {
    expect(await say('alice', 'gaps')).toBe(
      'Sorry, only admins and leads can see where the knowledge base falls short.',
    );
    expect(await say('tess', 'gaps')).toMatch(/only admins and leads/);
    expect(app.log.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'gaps command refused' }));
  });

  it('cuts a long question in gaps with an ellipsis', async () => {
    const long = `can the office canteen ${'please '.repeat(40)}serve vegan lunches on fridays`;
    expect(buttonsOf(await ask('hal', long)).map((b) => b.actionId)).toEqual(['talk_to_human']);
    const gaps = await say('lena', 'gaps');
    expect(gaps).not.toContain(long);
    const shown = gaps.split('\n').find((l) => l.startsWith('- "can the office canteen'));
    expect(shown).toMatch(/^- "can the office canteen please please .*…"$/);
    expect(shown?.length).toBeLessThan(140);
  });

  it('drafts an article from a resolved ticket into DRAFTS_DIR, which is not answered from', async () => {
    const id = /T-(\d+)/.exec(await say('fay', 'ticket Badge reader at door 3 rejects my card'))?.[1];
    await say('tess', `claim T-${id}`);
    expect(await say('tess', `kb draft T-${id}`)).toBe(
      `T-${id} is not resolved yet. Draft an article once the fix is known: \`kb draft T-${id}\` after \`resolve T-${id}\`.`,
    );
    await say('ann', `escalate T-${id} tier2 needs the badge system`);
    await say('tess', `claim T-${id}`);
    await say('tess', `wait T-${id} Is it the blue visitor card or your own?`);
    await say('fay', `reply T-${id} My own card, it worked until Friday`);
    await say('tess', `reply T-${id} Please bring the card to reception`);
    await say('tess', `note T-${id} the encoder is flaky`);
    await say('tess', `resolve T-${id} Re-encoded the card at reception; it opens door 3 again.`);

    expect(await say('ben', `kb draft T-${id}`)).toMatch(/only Tier 2 and above, leads and admins/);
    expect(await say('fay', `kb draft T-${id}`)).toMatch(/only Tier 2 and above/);
    expect(await say('tess', 'kb draft T-999')).toBe("I couldn't find T-999.");

    const written = await say('tess', `kb draft T-${id}`);
    const file = `badge-reader-at-door-3-rejects-my-card-t${id}.md`;
    expect(written).toContain(join(draftsDir, file));
    expect(written).not.toMatch(/already answers/);
    const markdown = await readFile(join(draftsDir, file), 'utf8');
    const parsed = parseArticle('draft', markdown);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.article).toMatchObject({
      title: 'Badge reader at door 3 rejects my card',
      questions: ['Badge reader at door 3 rejects my card'],
      owner: 'tess',
      reviewBy: '2026-12-23',
    });
    expect(parsed.article.body).toMatch(/^Re-encoded the card at reception; it opens door 3 again\./);
    // The conversation on the ticket, in order: the help desk's question, the requester's answer, the reply.
    expect(parsed.article.body).toMatch(
      /- Help desk: Is it the blue visitor card or your own\?\n- Requester: My own card, it worked until Friday\n- Help desk: Please bring the card to reception/,
    );
    expect(parsed.article.body).not.toContain('encoder is flaky');

    // Never over a draft someone may already be editing.
    expect(await say('lena', `kb draft T-${id}`)).toMatch(/already is a draft for T-\d+: .*drafts\//);
    expect(await readdir(draftsDir)).toEqual([file]);

    // A restart loads the folder again: the draft is not an article, so its question is not answered from it.
    const restarted = await startTestApp(env(), store);
    try {
      expect(restarted.kb.get(file.replace(/\.md$/, ''))).toBeUndefined();
      const reply = await say('gus', 'Badge reader at door 3 rejects my card', restarted);
      expect(reply).not.toContain(file.replace(/\.md$/, ''));
    } finally {
      await restarted.close();
    }
  });

  it('says when a live article already answers the ticket, and drafts it all the same', async () => {
    const id = /T-(\d+)/.exec(await say('gil', 'ticket how do I reset my password'))?.[1];
    await say('ann', `resolve T-${id} Walked them through the reset page.`);
    const written = await say('tess', `kb draft T-${id}`);
    expect(written).toMatch(/Drafted "how do I reset my password"/);
    expect(written).toMatch(
      /live article "Reset a forgotten password" \(password-reset\) already answers this question/,
    );
    expect(await readdir(draftsDir)).toContain(`how-do-i-reset-my-password-t${id}.md`);
  });
});
