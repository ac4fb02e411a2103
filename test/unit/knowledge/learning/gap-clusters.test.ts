import { describe, expect, it } from 'vitest';
import { clusterGaps, type GapQuestion, type GapReason } from '../../../../src/knowledge/learning/gap-clusters.ts';

const day = 86_400_000;
const start = new Date('2026-11-01T09:00:00Z').getTime();
const q = (question: string, daysIn: number, reasons: GapReason[] = ['declined'], suggested?: string): GapQuestion => ({
  question,
  at: new Date(start + daysIn * day),
  reasons,
  suggested,
});

describe('clusterGaps', () => {
  it('groups different wordings of one problem and keeps other problems apart', () => {
    const clusters = clusterGaps([
      q('How do I book a parking space at the office?', 1),
      q('book parking space for visitors', 2),
      q('Where do I book a parking space', 3),
      q('My monitor flickers after the dock update', 4),
      q('monitor flickering on the docking station', 5),
      q('how do I order business cards', 6),
    ]);
    expect(clusters.map((c) => c.count)).toEqual([3, 2, 1]);
    expect(clusters[0]?.examples.every((e) => /parking/i.test(e))).toBe(true);
    expect(clusters[1]?.examples.every((e) => /monitor/i.test(e))).toBe(true);
    expect(clusters[2]?.examples).toEqual(['how do I order business cards']);
  });

  it('counts each reason, shows at most three distinct examples, most recent first, and the most offered article', () => {
    const [cluster] = clusterGaps([
      q('vpn drops on hotel wifi', 1, ['declined']),
      q('VPN drops on hotel wifi', 2, ['not_helpful', 'escalated'], 'vpn-setup'),
      q('vpn keeps dropping at the hotel', 3, ['not_helpful'], 'vpn-setup'),
      q('hotel wifi drops my vpn', 4, ['escalated'], 'wifi-guest'),
      q('vpn drop hotel', 5, ['declined']),
    ]);
    expect(cluster?.count).toBe(5);
    expect(cluster?.reasons).toEqual({ declined: 2, not_helpful: 2, escalated: 2 });
    expect(cluster?.examples).toEqual(['vpn drop hotel', 'hotel wifi drops my vpn', 'vpn keeps dropping at the hotel']);
    expect(cluster?.suggested).toBe('vpn-setup');
    expect(cluster?.lastAt).toEqual(new Date(start + 5 * day));
  });

  it('orders clusters by size, then by the most recent question, whatever the input order', () => {
    const questions = [
      q('printer jams on floor 2', 1),
      q('printer on floor 2 jams again', 2),
      q('expense report rejected', 3),
      q('expense report was rejected twice', 4),
      q('laptop battery swollen', 9),
      q('teams camera black screen', 7),
    ];
    const forwards = clusterGaps(questions);
    expect(forwards.map((c) => [c.count, c.examples[0]])).toEqual([
      [2, 'expense report was rejected twice'],
      [2, 'printer on floor 2 jams again'],
      [1, 'laptop battery swollen'],
      [1, 'teams camera black screen'],
    ]);
    expect(clusterGaps([...questions].reverse())).toEqual(forwards);
  });

  it('leaves out questions with no topic words, and returns nothing for nothing', () => {
    expect(clusterGaps([q('hello?', 1), q('hi, please?', 2)])).toEqual([]);
    expect(clusterGaps([])).toEqual([]);
  });

  it('clusters five thousand questions, each counted once', () => {
    const topics = ['parking space', 'monitor flicker', 'printer jam', 'badge reader', 'expense claim'];
    const places = ['office', 'home', 'floor 2', 'reception', 'meeting room', 'hotel', 'lab'];
    const many = Array.from({ length: 5000 }, (_, i) =>
      q(`${topics[i % topics.length]} problem at the ${places[i % places.length]}, ticket ${i}`, i / 100),
    );
    const clusters = clusterGaps(many);
    expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(5000);
    expect(clusters.length).toBeLessThan(500);
  });
});
