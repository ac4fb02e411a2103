import { describe, expect, it } from 'vitest';
import { maxTextLength, parseInput } from '../../../src/commands/parse-command.ts';

const typed = (text: string) => parseInput(text, { explicit: false });
const slash = (text: string) => parseInput(text, { explicit: true });

describe('parseInput', () => {
  it('reads each command with its arguments', () => {
    expect(typed('help')).toEqual({ kind: 'command', command: { name: 'help' } });
    expect(typed('help status')).toEqual({ kind: 'command', command: { name: 'help', topic: 'status' } });
    expect(typed('ask how do I print')).toEqual({
      kind: 'command',
      command: { name: 'ask', question: 'how do I print' },
    });
    expect(typed('ticket Laptop fan is loud')).toEqual({
      kind: 'command',
      command: { name: 'ticket', subject: 'Laptop fan is loud' },
    });
    expect(typed('mine')).toEqual({ kind: 'command', command: { name: 'mine' } });
    expect(typed('status')).toEqual({ kind: 'command', command: { name: 'status' } });
  });

  it('accepts the ticket number as people write it', () => {
    for (const ref of ['T-42', 't-42', 'T42', '#T-42', '42']) {
      expect(slash(`status ${ref}`)).toEqual({ kind: 'command', command: { name: 'status', ticketId: 42 } });
    }
  });

  it('is case-insensitive about the command word and accepts a leading slash', () => {
    expect(typed('/STATUS T-3')).toEqual({ kind: 'command', command: { name: 'status', ticketId: 3 } });
  });

  it('treats chat text that only starts with a command word as a question', () => {
    expect(typed('help me reset my password')).toEqual({ kind: 'question', text: 'help me reset my password' });
    expect(typed('status of my laptop order?')).toEqual({ kind: 'question', text: 'status of my laptop order?' });
    expect(typed('how do I reset my password?')).toEqual({ kind: 'question', text: 'how do I reset my password?' });
  });

  it('gives usage for malformed explicit commands', () => {
    expect(slash('status yesterday')).toEqual({ kind: 'usage', name: 'status', problem: 'bad_ticket_ref' });
    expect(slash('ticket')).toEqual({ kind: 'usage', name: 'ticket', problem: 'missing_argument' });
    expect(typed('ask')).toEqual({ kind: 'usage', name: 'ask', problem: 'missing_argument' });
    expect(slash('launch')).toEqual({ kind: 'usage', problem: 'unknown_command' });
    expect(typed('/launch')).toEqual({ kind: 'usage', problem: 'unknown_command' });
  });

  it('refuses empty and over-long text', () => {
    expect(typed('   ')).toEqual({ kind: 'usage', problem: 'empty' });
    expect(typed('/')).toEqual({ kind: 'usage', problem: 'empty' });
    expect(typed('a'.repeat(maxTextLength + 1))).toEqual({ kind: 'usage', problem: 'too_long' });
    expect(typed('a'.repeat(maxTextLength)).kind).toBe('question');
  });
});
