import { describe, expect, it } from 'vitest';
import { toCsatCommentForm } from '../../../src/surveys/csat-comment-form.ts';
import { shippedRegistry } from '../../support/shipped-registry.ts';

describe('the CSAT comment form', () => {
  it('is shown about one survey ask, and the desk finds it again by that id', () => {
    expect(toCsatCommentForm(12).id).toBe('csat_comment:12');
    expect(shippedRegistry.form('csat_comment:12')?.form()).toEqual(toCsatCommentForm(12));
  });

  it('is no form under a key that is not a survey number', () => {
    for (const id of [
      'csat_comment',
      'csat_comment:0',
      'csat_comment:abc',
      'csat_comment:1:2',
      'csat_comment:1234567890',
    ]) {
      expect(shippedRegistry.form(id)).toBeUndefined();
    }
  });

  it('asks for the comment when it is empty, and for a shorter one past 3000 characters', () => {
    const shown = shippedRegistry.form('csat_comment:12');
    const empty = { ok: false, errors: { comment: 'Please write your comment first.' } };
    expect(shown?.read({ comment: '  \n ' })).toEqual(empty);
    expect(shown?.read({})).toEqual(empty);
    expect(shown?.read({ comment: 'x'.repeat(3001) })).toEqual({
      ok: false,
      errors: { comment: 'Please keep your comment under 3,000 characters.' },
    });
    expect(shown?.read({ comment: ' It took a week. ' })).toEqual({ ok: true, values: { comment: 'It took a week.' } });
  });
});
