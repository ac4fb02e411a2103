import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KnowledgeFigures, measureKnowledge } from '../../src/digests/knowledge-metrics.ts';
import { periodOf } from '../../src/digests/period.ts';
import type { Message } from '../../src/messages/message.ts';
import { type SeededDesk, seededWeek, seedWeek } from '../support/seeded-week.ts';
import { buttonsOf, shippedKnowledge } from '../support/test-app.ts';

const article = (front: string, body: string) => `---\n${front}\n---\n\n${body}\n`;

/**
 * The seeded week (test/support/seeded-week.ts), with five articles saved on Wednesday at noon; then, that
 * week, people ask about parking (three 👍), the projector, the canteen (declined twice) and say thanks.
 */
describe('knowledge metrics of a known week', () => {
  let desk: SeededDesk;
  let week: KnowledgeFigures;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierdesk-kb-metrics-'));
    await cp(shippedKnowledge, dir, { recursive: true });
    desk = await seedWeek({ KNOWLEDGE_DIR: dir, KNOWLEDGE_WATCH: 'true' });
    const { app } = desk;
    // Saved on Wednesday at noon: the knowledge base reloads and first sees them then.
    const size = app.kb.size;
    app.clock.set(new Date('2026-11-25T12:00:00Z'));
    const files: Record<string, string> = {
      'boardroom-projector.md': article(
        'title: Book the boardroom projector\npublished: 2026-11-24\nquestions:\n  - reserve the boardroom projector',
        'Book the boardroom projector in the room calendar.',
      ),
      'parking-permit.md': article(
        'title: Get a parking permit\nquestions:\n  - get a parking permit',
        'Apply on the facilities page.',
      ),
      // Older articles, copied in from another desk: their front matter says when they were published.
      'office-plants.md': article(
        'title: Water the office plants\npublished: 2026-01-05\nreview_by: 2026-11-01',
        'Facilities water them.',
      ),
      'fax-machine.md': article(
        'title: Send a fax\nowner: workplace-team\npublished: 2026-01-05\nreview_by: 2026-11-29',
        'The fax machine is by reception.',
      ),
      'coffee-machine.md': article(
        'title: Descale the coffee machine\nowner: workplace-team\npublished: 2026-01-05\nreview_by: 2026-11-30',
        'Facilities descale it monthly.',
      ),
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const until = Date.now() + 10_000;
    while (app.kb.size < size + 5 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    const say = async (user: string, text: string) =>
      ((await (await app.post('/api/local/messages', { user, text })).json()) as { messages: Message[] }).messages;
    const thumbsUp = async (user: string, messages: Message[]) => {
      const button = buttonsOf(messages[0]).find((b) => b.actionId === 'helpful');
      if (!button) throw new Error(`${user}: no 👍 on "${messages[0]?.text.slice(0, 60)}"`);
      await app.post('/api/local/actions', { user, action: button.actionId, value: button.value });
    };
    app.clock.set(new Date('2026-11-25T13:00:00Z'));
    await thumbsUp('hank', await say('hank', 'how do I get a parking permit?'));
    app.clock.set(new Date('2026-11-25T13:01:00Z'));
    await thumbsUp('ivy', await say('ivy', 'How do I get a parking permit'));
    app.clock.set(new Date('2026-11-25T13:02:00Z'));
    await thumbsUp('jack', await say('jack', 'how do i get a  parking permit'));
    app.clock.set(new Date('2026-11-26T10:00:00Z'));
    await say('kim', 'how do I reserve the boardroom projector');
    await say('kim', 'thanks!');
    await say('lee', 'where is the canteen menu');
    app.clock.set(new Date('2026-11-26T10:05:00Z'));
    await say('max', 'canteen menu for today');
    week = await measureKnowledge(app.store.db, app.kb, periodOf(seededWeek.from, seededWeek.to, 'Europe/London'));
  });
  afterAll(() => desk.app.close());

  it('lists the questions asked most, worded alike, small talk left out', () => {
    // Eleven questions: the seeded week's six (alice, bob, cleo, dave, erin, zoe) and the five above; kim's
    // "thanks!" is small talk and never a question. The three parking questions are one, answered each time.
    expect(week.topQuestions).toEqual([
      { question: 'how do i get a parking permit', count: 3, answered: 3 },
      { question: 'canteen menu for today', count: 1, answered: 0 },
      { question: 'how do i connect to the vpn', count: 1, answered: 1 },
      { question: 'how do i reserve the boardroom projector', count: 1, answered: 1 },
      { question: 'how do i reset my password', count: 1, answered: 1 },
      { question: 'laptop', count: 1, answered: 0 },
      { question: 'my mailbox is full', count: 1, answered: 1 },
      { question: 'out of office reply', count: 1, answered: 1 },
      { question: 'what is the airspeed of a swallow', count: 1, answered: 0 },
      { question: 'where is the canteen menu', count: 1, answered: 0 },
    ]);
  });

  it('groups the week’s gaps as `gaps` does: the two canteen questions first', () => {
    // Gap questions: bob (👎, then a person), dave (declined, then a person), lee and max (declined), and the
    // tickets opened without a question and escalated: cleo's, and frank's and gus's by the SLA monitor.
    // Seven in all; alone in their groups, the rest come latest first, so bob's (Monday 09:05) is sixth.
    expect(week.gapQuestions).toBe(7);
    const alone = (example: string) => ({ count: 1, example, suggested: null });
    expect(week.topGaps).toEqual([
      { count: 2, example: 'canteen menu for today', suggested: null },
      alone('Badge reader broken'),
      alone('Laptop still will not start'),
      alone('Printer on fire'),
      alone('what is the airspeed of a swallow'),
    ]);
  });

  it('names the articles whose review day had passed by Sunday night, with their owner', () => {
    expect(week.overdueReviews).toEqual([
      { articleId: 'office-plants', title: 'Water the office plants', owner: null, reviewBy: '2026-11-01' },
      { articleId: 'fax-machine', title: 'Send a fax', owner: 'workplace-team', reviewBy: '2026-11-29' },
    ]);
  });

  it('ranks the articles people found helpful, among those with three votes or more', () => {
    // alice's and zoe's 👍 and bob's 👎 are one vote each on their articles; parking has three 👍.
    expect(week.helpfulArticles).toEqual([
      { articleId: 'parking-permit', title: 'Get a parking permit', helpful: 3, rated: 3, helpfulRate: 1 },
    ]);
  });

  it('lists the articles published that week and what they have answered since', () => {
    // The articles there at the desk's first start are its baseline, not publications; the projector's
    // front matter dates it Tuesday; parking was first loaded on Wednesday at noon.
    expect(week.published).toEqual([
      {
        articleId: 'boardroom-projector',
        title: 'Book the boardroom projector',
        publishedAt: new Date('2026-11-24T00:00:00Z'),
        source: 'front_matter',
        answered: 1,
        examples: ['how do I reserve the boardroom projector'],
      },
      {
        articleId: 'parking-permit',
        title: 'Get a parking permit',
        publishedAt: new Date('2026-11-25T12:00:00Z'),
        source: 'first_seen',
        answered: 3,
        // Newest first; the chat folds jack's double space as it records the question.
        examples: ['how do i get a parking permit', 'How do I get a parking permit', 'how do I get a parking permit?'],
      },
    ]);
  });
});
