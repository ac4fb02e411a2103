import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../adapters/local/render-text.ts';
import { acknowledgedClick } from '../../../adapters/slack/acknowledged-click.ts';
import { blockAction } from '../../../adapters/slack/inbound.ts';
import { readModal, toModal } from '../../../adapters/slack/modal.ts';
import { toBlockKit } from '../../../adapters/slack/render.ts';
import { settledCard } from '../../../adapters/teams/kept-cards.ts';
import { toAdaptiveCard } from '../../../adapters/teams/render.ts';
import { toCsatMessage } from '../../../src/messages/csat-view.ts';
import { formOf } from '../../../src/messages/message.ts';
import { toCsatCommentForm } from '../../../src/surveys/csat-comment-form.ts';
import { csatWire } from '../../../src/surveys/csat-wire.ts';
import { cardProblems } from '../adapters/teams/adaptive-card-check.ts';
import { ticket } from '../adapters/teams/card-messages.ts';

type Element = Record<string, unknown> & { type: string; action_id?: string };
type Block = { type: string; elements?: Element[] };
type CardElement = Record<string, unknown> & { type: string; actions?: Record<string, unknown>[] };

const survey = toCsatMessage(
  { ...ticket, subject: 'Dock does not power the monitors' },
  (score) => ({ actionId: csatWire.id, value: csatWire.encode({ askId: 12, score }) }),
  toCsatCommentForm(12),
);

describe('the CSAT survey offers a comment the way each platform takes one', () => {
  it('Slack: five scores and an "Add a comment" button that opens its modal, kept once a score is pressed', () => {
    const { blocks } = toBlockKit(survey) as { blocks: Block[] };
    const elements = blocks.flatMap((b) => b.elements ?? []);
    const open = elements.find((e) => e.action_id === 'tierdesk_open_csat_comment:12');
    expect(open).toMatchObject({ type: 'button', text: { text: 'Add a comment' } });
    const modal = toModal(toCsatCommentForm(12));
    expect(modal).toMatchObject({
      type: 'modal',
      callback_id: 'tierdesk_csat_comment:12',
      title: { text: 'Add a comment' },
    });
    expect(modal.blocks).toEqual([
      expect.objectContaining({
        type: 'input',
        block_id: 'comment',
        element: expect.objectContaining({ type: 'plain_text_input', multiline: true, max_length: 3000 }),
      }),
    ]);
    expect(readModal(toCsatCommentForm(12), { comment: { value: { value: 'Slow' } } })).toEqual({ comment: 'Slow' });
    // A score pressed: the scores go, the message says what was chosen, and the comment can still be added.
    const pressed = blockAction.parse({
      user: { id: 'U0ALICE' },
      container: { type: 'message' },
      message: { ts: '1.2', blocks },
      actions: [{ action_id: 'tierdesk:csat_rating:1', value: '12:2', text: { text: '2' } }],
    });
    const marked = acknowledgedClick(pressed, '2')?.blocks as Block[];
    const left = marked.flatMap((b) => b.elements ?? []).filter((e) => e.type === 'button');
    expect(left.map((e) => e.action_id)).toEqual(['tierdesk_open_csat_comment:12']);
    expect(JSON.stringify(marked.at(-1))).toContain('<@U0ALICE> chose: 2');
  });

  it('Teams: a comment box and its send button in the card; the scores neither send nor demand it', () => {
    const card = toAdaptiveCard(survey) as unknown as { body: CardElement[] };
    expect(cardProblems(card)).toEqual([]);
    const box = card.body.find((e) => e.type === 'Input.Text');
    expect(box).toMatchObject({ id: 'comment', isRequired: true, isMultiline: true, maxLength: 3000 });
    expect(box?.errorMessage).toEqual(expect.any(String));
    const actions = card.body.flatMap((e) => e.actions ?? []);
    const send = actions.find((a) => a.title === 'Send comment');
    expect(send).toMatchObject({
      type: 'Action.Execute',
      verb: 'csat_comment:12',
      data: { tierdesk: { form: 'csat_comment:12' } },
    });
    expect(send?.associatedInputs).toBeUndefined();
    const scores = actions.filter((a) => /^[1-5]$/.test(String(a.title)));
    expect(scores).toHaveLength(5);
    for (const s of scores) {
      expect(s.associatedInputs).toBe('none');
      expect(s.fallback).toMatchObject({ type: 'Action.Submit', associatedInputs: 'none' });
    }
    // Once a score is chosen the card keeps the comment box, so a comment can follow the score.
    const settled = settledCard(survey, 'Alice', { actionId: csatWire.id, value: '12:2' });
    expect(formOf(settled)?.id).toBe('csat_comment:12');
    expect(cardProblems(toAdaptiveCard(settled))).toEqual([]);
  });

  it('Teams: a card without a form keeps its buttons as they were', () => {
    const card = toAdaptiveCard({
      text: 'Pick',
      blocks: [{ kind: 'actions', buttons: [{ label: 'A', actionId: 'a', value: '1' }] }],
    });
    expect(JSON.stringify(card)).not.toContain('associatedInputs');
  });

  it('the terminal: the scores to pick, and the command that adds a comment', () => {
    const { text, buttons } = toPlainText(survey);
    expect(buttons.map((b) => b.label)).toEqual(['1', '2', '3', '4', '5']);
    expect(text).toContain('type feedback T-42 <what you want to tell us>');
    expect(text).not.toContain('Send comment');
  });
});
