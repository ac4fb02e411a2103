import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { slackLimits } from '../../../adapters/slack/limits.ts';
import { formCallbackId, formOfCallbackId, formOpenActionId, formShortcutId } from '../../../adapters/slack/modal.ts';
import { cardData, fromCardData } from '../../../adapters/teams/inbound.ts';
import { defineForm } from '../../../src/commands/feature.ts';
import { splitFormId, toFormId } from '../../../src/commands/form-id.ts';
import { createRegistry } from '../../../src/commands/registry.ts';
import { maxFormIdLength } from '../../../src/messages/form.ts';
import { shippedFeatures } from '../../support/shipped-registry.ts';

/** The longest id a form may be shown under: a 40-letter spec id and a 59-character key. */
const longest = toFormId('a'.repeat(40), `${'9'.repeat(9)}:${'x'.repeat(49)}`);

describe('a form shown about one thing carries its key in its id', () => {
  it('is the spec id, a colon and the key; the first colon ends the spec id', () => {
    expect(toFormId('new_ticket')).toBe('new_ticket');
    expect(toFormId('csat_comment', '12')).toBe('csat_comment:12');
    expect(splitFormId('csat_comment:12')).toEqual({ spec: 'csat_comment', key: '12' });
    expect(splitFormId('pulse_text:12:what-to-improve')).toEqual({ spec: 'pulse_text', key: '12:what-to-improve' });
    expect(splitFormId('new_ticket')).toEqual({ spec: 'new_ticket' });
  });

  it('refuses what is neither: an odd spec id, an empty or odd key, anything too long', () => {
    for (const id of ['', 'New_ticket', '1form', 'csat_comment:', 'csat_comment:12 ', 'csat_comment:<b>', ':12']) {
      expect(splitFormId(id)).toBeUndefined();
    }
    expect(longest).toHaveLength(maxFormIdLength);
    expect(splitFormId(`${longest}x`)).toBeUndefined();
    expect(() => toFormId('csat_comment', 'x'.repeat(maxFormIdLength))).toThrow(/at most 100/);
    expect(() => toFormId('Csat', '1')).toThrow();
  });
});

/** A form any feature could show about one thing: a note on record n. */
const noteForm = defineForm<{ note: string }, number>({
  id: 'record_note',
  key: {
    value: z
      .string()
      .regex(/^\d{1,3}$/)
      .transform(Number),
    encode: String,
  },
  form: (n) => ({
    id: toFormId('record_note', String(n)),
    title: `Note on ${n}`,
    submitLabel: 'Save',
    openLabel: 'Add a note',
    fields: [{ kind: 'text', name: 'note', label: 'Note', maxLength: 10 }],
  }),
  read: (values, n) =>
    values.note ? { ok: true, values: { note: values.note } } : { ok: false, errors: { note: `empty on ${n}` } },
  run: async (_ctx, _person, _place, { note }, n) => ({ text: `${note} on ${n}` }),
});
const registry = createRegistry([...shippedFeatures, { name: 'notes', forms: [noteForm] }]);

describe('the registry reads a shown form back: its spec, and its key by the spec’s own rules', () => {
  it('builds and checks the form about the thing its id names', () => {
    const shown = registry.form('record_note:7');
    expect(shown?.form()).toEqual(noteForm.form(7));
    expect(shown?.read({})).toEqual({ ok: false, errors: { note: 'empty on 7' } });
    expect(registry.form('new_ticket')?.form().id).toBe('new_ticket');
  });

  it('knows no form for a forged or missing key, or a key on a form that takes none', () => {
    for (const id of [
      'record_note',
      'record_note:1234',
      'record_note:abc',
      'record_note:1:2',
      'new_ticket:1',
      'nope:1',
    ]) {
      expect(registry.form(id)).toBeUndefined();
    }
  });

  it('refuses at start-up a form spec id that a key could not follow', () => {
    expect(() =>
      createRegistry([...shippedFeatures, { name: 'x', forms: [{ ...noteForm, id: 'Record:note' }] }]),
    ).toThrow(/lower case letters and underscores/);
  });
});

describe('each platform sends a keyed form id back whole, within its limits', () => {
  it("Slack: the modal's callback id and the open button's action id, never a shortcut's", () => {
    expect(formOfCallbackId(formCallbackId('csat_comment:12'))).toBe('csat_comment:12');
    expect(formOfCallbackId(formCallbackId('pulse_text:12:improve'))).toBe('pulse_text:12:improve');
    expect(formOfCallbackId(formShortcutId('new_ticket'))).toBe('new_ticket');
    expect(formOfCallbackId(formCallbackId('new_ticket'))).toBe('new_ticket');
    expect(formOfCallbackId('tierdesk_')).toBeUndefined();
    expect(formOfCallbackId(formCallbackId(longest))).toBe(longest);
    expect(formCallbackId(longest).length).toBeLessThanOrEqual(slackLimits.callbackId);
    expect(formShortcutId(longest).length).toBeLessThanOrEqual(slackLimits.callbackId);
    expect(formOpenActionId(longest).length).toBeLessThanOrEqual(slackLimits.actionId);
  });

  it("Teams: the submit's data, beside the inputs' values", () => {
    const data = cardData.parse({ tierdesk: { form: 'csat_comment:12' }, comment: 'Slow' });
    expect(fromCardData(data)).toEqual({ kind: 'form', formId: 'csat_comment:12', values: { comment: 'Slow' } });
    expect(cardData.safeParse({ tierdesk: { form: `${longest}x` } }).success).toBe(false);
  });
});
