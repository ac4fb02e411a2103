import { describe, expect, it } from 'vitest';
import { classifyByRules } from '../../../src/surveys/classify-by-rules.ts';
import type { FeedbackClass } from '../../../src/surveys/feedback-class.ts';
import { indexFeedbackWords } from '../../../src/surveys/find-feedback-words.ts';
import { defaultFeedbackWords } from '../../../src/surveys/read-feedback-words.ts';

const index = indexFeedbackWords(defaultFeedbackWords());
const classOf = (comment: string, rating?: number) => classifyByRules(comment, index, rating).class;

const table: [comment: string, expected: FeedbackClass][] = [
  // Plain appreciation
  ['Thanks, that fixed it straight away.', 'appreciation'],
  ['Brilliant help, really quick and friendly.', 'appreciation'],
  ['thanks!', 'appreciation'],
  ['ok', 'appreciation'],
  ['Sorted within ten minutes, I appreciate it.', 'appreciation'],
  ["I can't thank you enough, my laptop works now.", 'appreciation'],
  ['Not bad at all', 'appreciation'],
  ['No worries, all good now', 'appreciation'],
  ['THANK YOU SO MUCH!!!', 'appreciation'],
  // Undertone: a first, small sign
  ['meh', 'undertone'],
  ['Thanks, but it took a week.', 'undertone'],
  ['It was fine in the end, a bit slow though.', 'undertone'],
  ['The instructions were confusing.', 'undertone'],
  ['Eventually it worked.', 'undertone'],
  ['Could be better.', 'undertone'],
  ['Helpful, though the reply took ages', 'undertone'],
  // Concern: worry about the service
  ["I'm worried this will happen again before my presentation.", 'concern'],
  ['Thanks, but I am not sure my files are safe now.', 'concern'],
  ['Is there a risk of data loss if I restart?', 'concern'],
  ['Concerned that nobody checked the security settings.', 'concern'],
  // Complaint: expectations not met
  ['Not happy with how this was handled.', 'complaint'],
  ['The agent was not very quick', 'complaint'],
  ["Wasn't helpful at all.", 'complaint'],
  ['I never heard back after the first message.', 'complaint'],
  ['Nobody answered, I was never answered', 'complaint'],
  ['The printer still does not work.', 'complaint'],
  ['Closed without asking me, and it is still broken.', 'complaint'],
  ['Thanks for nothing.', 'complaint'],
  ['Useless, a waste of time.', 'complaint'],
  ['Still not fixed', 'complaint'],
  ['Thanks for trying, but it is still broken.', 'complaint'],
  ['This is slow!!!', 'complaint'],
  // Escalation: the highest dissatisfaction
  ['This is unacceptable.', 'escalation'],
  ['Third time I have reported this and it is still broken.', 'escalation'],
  ['I want to speak to your manager.', 'escalation'],
  ['Worst support I have ever had.', 'escalation'],
  ['I am making a formal complaint.', 'escalation'],
  ['STILL BROKEN AFTER TWO WEEKS', 'escalation'],
  ['Still broken!!! Nobody cares', 'escalation'],
  ['I will escalate this if it is not fixed today.', 'escalation'],
  // Other languages: recognised where the lists know the words, else a neutral undertone
  ['Danke, hat super geklappt!', 'appreciation'],
  ['Das hat viel zu lange gedauert.', 'undertone'],
  ['Merci beaucoup, très rapide et parfait.', 'appreciation'],
  ["Ce n'est pas utile.", 'complaint'],
  ['Pas mal.', 'appreciation'],
  ['Muchas gracias, excelente servicio.', 'appreciation'],
  ['Todavía no funciona.', 'complaint'],
  ['Es ist inakzeptabel.', 'escalation'],
  ['Ich weiß nicht genau, was passiert ist.', 'undertone'],
  ['これは何ですか', 'undertone'],
  ['', 'undertone'],
];

describe('classifyByRules', () => {
  it.each(table)('%j → %s', (comment, expected) => {
    expect(classOf(comment)).toBe(expected);
  });

  it('reads a rating on its own: 5 is appreciation, 3 a neutral undertone, 1 at least a complaint', () => {
    expect(classifyByRules('', index, 5)).toEqual({ class: 'appreciation', sentiment: 0.67, by: 'rules' });
    expect(classifyByRules('', index, 3)).toEqual({ class: 'undertone', sentiment: 0, by: 'rules' });
    expect(classOf('', 2)).toBe('undertone');
    expect(classOf('', 1)).toBe('complaint');
    expect(classOf('thanks', 1)).toBe('complaint');
    expect(classOf('This is unacceptable', 1)).toBe('escalation');
    expect(classOf('Thanks, but it took a week.', 5)).toBe('undertone');
  });

  it('ignores a rating outside 1–5', () => {
    expect(classOf('', 0)).toBe('undertone');
    expect(classOf('thanks', 7)).toBe('appreciation');
  });

  it('scores sentiment from -1 to 1, with the sign of the class', () => {
    const happy = classifyByRules('Brilliant help, really quick and friendly.', index).sentiment;
    const mild = classifyByRules('Thanks, but it took a week.', index).sentiment;
    const angry = classifyByRules('Worst support ever, unacceptable!!!', index).sentiment;
    expect(happy).toBeGreaterThan(0.5);
    expect(mild).toBe(0);
    expect(angry).toBeLessThan(-0.8);
    for (const [comment] of table) {
      const { sentiment } = classifyByRules(comment, index);
      expect(sentiment).toBeGreaterThanOrEqual(-1);
      expect(sentiment).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic', () => {
    const comment = 'Thanks, but I am worried it will happen again!!';
    expect(classifyByRules(comment, index)).toEqual(classifyByRules(comment, index));
  });
});
