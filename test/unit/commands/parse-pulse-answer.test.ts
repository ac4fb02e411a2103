import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { pulseWire } from '../../../src/surveys/pulse-wire.ts';
import { parseAction } from '../../support/shipped-registry.ts';

describe('a pulse answer button value', () => {
  it('reads the ask, the question (0-based) and a score, yes or no', () => {
    expect(parseAction('pulse_answer', '12:0:4')).toEqual({ id: 'pulse_answer', askId: 12, question: 0, answer: '4' });
    expect(parseAction('pulse_answer', '7:1:yes')).toMatchObject({ askId: 7, question: 1, answer: 'yes' });
    expect(parseAction('pulse_answer', '7:2:no')).toMatchObject({ question: 2, answer: 'no' });
  });

  it('reads back what the buttons carry', () => {
    for (const value of [
      { askId: 1, question: 0, answer: '1' },
      { askId: 999_999_999, question: 2, answer: 'yes' },
    ])
      expect(parseAction('pulse_answer', pulseWire.encode(value))).toEqual({ id: 'pulse_answer', ...value });
  });

  it('refuses anything a button never carries as an input error', () => {
    for (const value of [
      '',
      '12:0:6',
      '12:0:0',
      '12:3:4',
      '12:1:maybe',
      '12:0:YES',
      'x:0:4',
      '-1:0:4',
      '1234567890:0:4',
      '12:0:4:5',
      '12:0',
      ' 12:0:4',
    ])
      expect(() => parseAction('pulse_answer', value), value).toThrow(InputError);
  });
});
