import { describe, expect, it } from 'vitest';
import { parseInput } from '../../support/shipped-registry.ts';

const typed = (text: string) => parseInput(text, { explicit: false });
const slash = (text: string) => parseInput(text, { explicit: true });

describe('parseInput: gaps and kb draft', () => {
  it.each([
    ['gaps', { name: 'gaps' }],
    ['gaps 20', { name: 'gaps', top: 20 }],
    ['gaps 30d', { name: 'gaps', days: 30 }],
    ['gaps 5 7D', { name: 'gaps', top: 5, days: 7 }],
    ['gaps 7d 5', { name: 'gaps', top: 5, days: 7 }],
    ['kb draft T-12', { name: 'kb', action: 'draft', ticketId: 12 }],
    ['kb draft 12', { name: 'kb', action: 'draft', ticketId: 12 }],
  ])('%s', (text, command) => {
    expect(typed(text)).toEqual({ kind: 'command', command });
  });

  it('gives usage for counts and windows out of range, and for a draft without a ticket', () => {
    for (const text of ['gaps 500', 'gaps 0', 'gaps 365d', 'gaps 5 6', '/gaps lately']) {
      expect(typed(text)).toEqual({ kind: 'usage', name: 'gaps', problem: 'bad_arguments' });
    }
    expect(slash('kb draft')).toEqual({ kind: 'usage', name: 'kb', problem: 'bad_arguments' });
    expect(typed('kb draft yesterday')).toEqual({ kind: 'usage', name: 'kb', problem: 'bad_arguments' });
  });

  it('keeps questions that start with "gaps" questions', () => {
    const q = 'gaps between the desks in the new office?';
    expect(typed(q)).toEqual({ kind: 'question', text: q });
  });
});
