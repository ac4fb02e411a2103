import type { Attachment } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { toAdaptiveCard } from '../../../../adapters/teams/render.ts';
import { toActivity } from '../../../../adapters/teams/to-activity.ts';
import { cardProblems } from './adaptive-card-check.ts';
import { representativeMessages } from './card-messages.ts';

const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body,
  ...extra,
});

describe('every card the Teams renderer emits is an Adaptive Card 1.5 a Teams client accepts', () => {
  for (const [name, message] of Object.entries(representativeMessages)) {
    it(`${name}: no parse or validation event, nothing beyond 1.5, no property the parser does not know`, () => {
      expect(cardProblems(toAdaptiveCard(message))).toEqual([]);
      const [attachment] = (toActivity(message).attachments ?? []) as Attachment[];
      expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardProblems(attachment?.content)).toEqual([]);
    });
  }
});

describe('the card check itself', () => {
  it('passes a card that uses only Adaptive Cards 1.5', () => {
    expect(cardProblems(card([{ type: 'TextBlock', text: 'Hi', wrap: true }], { msteams: { width: 'Full' } }))).toEqual(
      [],
    );
  });

  it('finds unknown elements, unknown properties and values, and elements and properties newer than 1.5', () => {
    const problems = cardProblems(
      card([
        { type: 'Frobnicator' },
        { type: 'TextBlock', text: 'x', colour: 'red', color: 'purple' },
        { type: 'Image', url: 'https://it.example.com/a.png', forceLoad: true },
      ]),
    );
    expect(problems).toEqual([
      'card: Unknown element type "Frobnicator". Fallback will be used if present.',
      'card: Invalid value "purple" for property "color".',
      'card: Property "forceLoad" is supported in version 1.6, but you are using version 1.5.',
      'card.body[0]: unknown type "Frobnicator"',
      'card.body[1].colour: not a property of TextBlock',
      'card.body[2].forceLoad: needs Adaptive Cards 1.6',
    ]);
  });

  it("checks actions, their fallbacks, Teams' six actions a set, the version and Teams' width", () => {
    const submit = { type: 'Action.Submit', title: 'Go', data: { any: { thing: 1 } } };
    const problems = cardProblems(
      card(
        [
          { type: 'ActionSet', actions: Array.from({ length: 7 }, () => submit) },
          {
            type: 'ActionSet',
            actions: [{ type: 'Action.Execute', title: 'Go', verb: 'go', fallback: { ...submit, verb: 'go' } }],
          },
        ],
        { version: '1.6', msteams: { width: 'Wide' } },
      ),
    );
    expect(problems).toEqual([
      'card: Maximum number of actions exceeded (6).',
      'card.version: "1.6", not 1.5',
      'card.body[1].actions[0].fallback.verb: not a property of Action.Submit',
      'card.msteams: not a value Teams documents ({"width":"Wide"})',
    ]);
  });

  it('finds what validation finds: duplicate input ids, a choice set without choices', () => {
    const problems = cardProblems(
      card([
        { type: 'Input.Text', id: 'a', label: 'A' },
        { type: 'Input.ChoiceSet', id: 'a', label: 'B', choices: [] },
      ]),
    );
    expect(problems).toEqual([
      'card: Duplicate Id "a".',
      'card: An Input.ChoiceSet must have at least one choice defined.',
    ]);
  });
});
