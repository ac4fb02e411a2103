import { describe, expect, it } from 'vitest';
import { maxTextLength } from '../../../src/commands/parse-input.ts';
import { parseInput } from '../../support/shipped-registry.ts';

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
    for (const ref of ['T-42', 't-42', 'T42', '#T-42', '42', 'T–42', 'T—42', 'Ｔ－４２']) {
      expect(slash(`status ${ref}`)).toEqual({ kind: 'command', command: { name: 'status', ticketId: 42 } });
    }
  });

  it("reads a ticket's number on its own as asking for its status, but not a bare number", () => {
    for (const ref of ['T-42', 't42', '#42', '#T-42', '/T-42', ' T-42 ']) {
      expect(typed(ref)).toEqual({ kind: 'command', command: { name: 'status', ticketId: 42 } });
    }
    expect(typed('42')).toEqual({ kind: 'question', text: '42' });
    expect(typed('T-42 is still broken')).toEqual({ kind: 'question', text: 'T-42 is still broken' });
    expect(typed('reply T–42 it works now')).toEqual({
      kind: 'command',
      command: { name: 'reply', ticketId: 42, text: 'it works now' },
    });
    expect(typed('t-shirt')).toEqual({ kind: 'question', text: 't-shirt' });
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

describe('parseInput: help-desk commands', () => {
  it.each([
    ['claim T-4', { name: 'claim', ticketId: 4 }],
    ['assign T-4 @ben', { name: 'assign', ticketId: 4, person: '@ben' }],
    ['escalate T-4 needs DBA', { name: 'escalate', ticketId: 4, reason: 'needs DBA' }],
    ['escalate T-4 tier3 needs DBA', { name: 'escalate', ticketId: 4, tier: 'tier3', reason: 'needs DBA' }],
    ['deescalate T-4', { name: 'deescalate', ticketId: 4 }],
    ['wait T-4 Which tray?', { name: 'wait', ticketId: 4, question: 'Which tray?' }],
    ['reply T-4 On my way', { name: 'reply', ticketId: 4, text: 'On my way' }],
    ['resolve T-4 Replaced fuser', { name: 'resolve', ticketId: 4, resolution: 'Replaced fuser' }],
    ['reopen T-4 still broken', { name: 'reopen', ticketId: 4, reason: 'still broken' }],
    ['note T-4 VIP', { name: 'note', ticketId: 4, text: 'VIP' }],
    ['priority T-4 p1', { name: 'priority', ticketId: 4, priority: 'P1' }],
    ['vendor T-4 Acme Corp CASE-9', { name: 'vendor', ticketId: 4, vendor: 'Acme Corp', ref: 'CASE-9' }],
    ['history T-4', { name: 'history', ticketId: 4 }],
    ['capa T-4 cause and fix', { name: 'capa', ticketId: 4, text: 'cause and fix' }],
    ['archive T-4', { name: 'archive', ticketId: 4 }],
    ['staff add @ben tier2', { name: 'staff', action: 'add', person: '@ben', role: 'tier2' }],
    ['staff remove <@U0BEN>', { name: 'staff', action: 'remove', person: '<@U0BEN>' }],
    ['staff list', { name: 'staff', action: 'list' }],
    ['queue set tier2 slack:C0123', { name: 'queue', action: 'set', tier: 'tier2', place: 'slack:C0123' }],
    ['queue list', { name: 'queue', action: 'list' }],
  ])('%s', (text, command) => {
    expect(parseInput(text, { explicit: false })).toEqual({ kind: 'command', command });
  });

  it('requires a reason to escalate, a priority to re-prioritise, and a case ref for a vendor', () => {
    expect(parseInput('escalate T-4', { explicit: false })).toEqual({
      kind: 'usage',
      name: 'escalate',
      problem: 'bad_arguments',
    });
    expect(parseInput('priority T-4 urgent', { explicit: false })).toEqual({
      kind: 'usage',
      name: 'priority',
      problem: 'bad_arguments',
    });
    expect(parseInput('vendor T-4 Acme', { explicit: false })).toEqual({
      kind: 'usage',
      name: 'vendor',
      problem: 'bad_arguments',
    });
    expect(parseInput('/staff add @ben boss', { explicit: false })).toEqual({
      kind: 'usage',
      name: 'staff',
      problem: 'bad_arguments',
    });
  });

  it('keeps ordinary questions that start with these words questions', () => {
    for (const q of [
      'reply all is greyed out in Outlook',
      'note taking app for meetings?',
      'archive my old emails',
      'queue of print jobs stuck',
    ]) {
      expect(parseInput(q, { explicit: false })).toEqual({ kind: 'question', text: q });
    }
  });
});

describe('parseInput: small talk', () => {
  it('recognises a whole message that only greets, thanks or says goodbye', () => {
    const cases: [string, string][] = [
      ['hi', 'greeting'],
      ['Hello there!', 'greeting'],
      ['good morning 👋', 'greeting'],
      ['thanks!', 'thanks'],
      ['Thank you so much', 'thanks'],
      ['ok thanks', 'thanks'],
      ['cheers', 'thanks'],
      ['Bye', 'farewell'],
      ['have a good day', 'farewell'],
      ['What can you do?', 'about'],
      ['are you a bot', 'about'],
      ['help me', 'vague'],
      ['Can you help me please?', 'vague'],
      ['I have a problem', 'vague'],
    ];
    for (const [text, what] of cases)
      expect(parseInput(text, { explicit: false })).toEqual({ kind: 'small_talk', what });
  });

  it('keeps a question that starts with a greeting or thanks a question, and a slash command a command', () => {
    for (const q of [
      'hi, my vpn keeps dropping',
      'thanks but the printer still jams',
      'hello?? laptop will not boot',
      'help me reset my password',
      'I have a problem with outlook',
    ])
      expect(parseInput(q, { explicit: false })).toEqual({ kind: 'question', text: q });
    expect(parseInput('/hi', { explicit: false })).toEqual({ kind: 'usage', problem: 'unknown_command' });
  });
});
