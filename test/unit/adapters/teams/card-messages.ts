import { toAnswerMessage, toClarifyMessage } from '../../../../src/knowledge/answers/answer-view.ts';
import { toCsatMessage } from '../../../../src/messages/csat-view.ts';
import { type Message, ratingBlock } from '../../../../src/messages/message.ts';
import { toPulseMessage } from '../../../../src/messages/pulse-view.ts';
import { toQueueCardMessage, toTicketOpenedMessage } from '../../../../src/messages/ticket-view.ts';
import type { Article } from '../../../../src/model/article.ts';
import type { Ticket } from '../../../../src/model/ticket.ts';
import { toCsatCommentForm } from '../../../../src/surveys/csat-comment-form.ts';
import { toPulseAnswerForm } from '../../../../src/surveys/pulse-answer-form.ts';
import { newTicketForm } from '../../../../src/tickets/new-ticket-form.ts';
import { queueCardButtons } from '../../../../src/tickets/queue-card-buttons.ts';

const at = new Date('2026-11-23T09:00:00Z');
const interaction = '6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f';

export const ticket: Ticket = {
  id: 42,
  requesterId: 1,
  subject: 'Laptop will not start',
  description: 'Since this morning the screen stays black.',
  tier: 'tier1',
  priority: 'P2',
  status: 'new',
  assigneeId: null,
  origin: { platform: 'teams', workspace: 'tenant', channel: 'a:1personal', thread: undefined },
  sourceInteractionId: null,
  statusMessage: null,
  queueMessage: null,
  vendorName: 'Contoso',
  vendorRef: 'C-1',
  responseDueAt: at,
  resolutionDueAt: at,
  responseWarnAt: null,
  resolutionWarnAt: null,
  responseWarnedAt: null,
  resolutionWarnedAt: null,
  responseBreachedAt: null,
  resolutionBreachedAt: null,
  staleRemindedAt: null,
  firstRespondedAt: null,
  slaPausedAt: null,
  resolvedAt: null,
  closedAt: null,
  archivedAt: null,
  createdAt: at,
  updatedAt: at,
  version: 1,
};

const article = (id: string): Article => ({
  id,
  title: `About ${id}`,
  tags: [],
  questions: [],
  body: 'Open the `VPN` app, then **Connect**. See [the guide](https://it.example.com/vpn).',
  audience: 'everyone',
});

const form = newTicketForm.form();
const buttons = Array.from({ length: 13 }, (_, i) => ({
  label: `Choice ${i + 1}`,
  actionId: 'pick_article',
  value: `${interaction}:article-${i}`,
  ...(i === 0 ? { style: 'primary' as const } : i === 12 ? { style: 'danger' as const } : {}),
}));

/** One message for each kind of block and the views that combine them, as the desk sends them. */
export const representativeMessages: Record<string, Message> = {
  'text with markdown': {
    text: 'Formatting',
    blocks: [
      {
        kind: 'text',
        text: '**Bold**, _italic_, `code` and [a link](https://it.example.com/)\n- one\n- two\n1. first\n2. second',
      },
    ],
  },
  'an answer (text, context, feedback buttons)': toAnswerMessage(article('vpn'), interaction),
  'a clarifying question (buttons)': toClarifyMessage([article('vpn'), article('wifi')], interaction),
  fields: toTicketOpenedMessage(ticket, true),
  'a queue card (fields, buttons, context)': toQueueCardMessage(
    ticket,
    { requester: 'Alice', handoff: { from: 'tier1', reason: 'needs admin rights' } },
    queueCardButtons(ticket),
  ),
  'actions with many buttons': { text: 'Pick one', blocks: [{ kind: 'actions', buttons }] },
  'a rating (question and five scores)': {
    text: 'How did we do on T-7?',
    blocks: [ratingBlock('**How did we do on T-7?**', (score) => ({ actionId: 'csat', value: `7:${score}` }))],
  },
  'a CSAT survey (scores, a comment box, context)': toCsatMessage(
    ticket,
    (score) => ({ actionId: 'csat_rating', value: `7:${score}` }),
    toCsatCommentForm(7),
  ),
  'a pulse survey (a scale, yes and no, two written answers)': toPulseMessage(
    {
      id: 'team-pulse',
      title: 'How is the help desk doing?',
      anonymous: true,
      questions: [
        { id: 'overall', kind: 'scale', text: 'Overall, how satisfied are you?' },
        { id: 'better', kind: 'text', text: 'What should we do better?' },
        { id: 'more', kind: 'text', text: 'Anything else?' },
      ],
    },
    (question, answer) => ({ actionId: 'pulse_answer', value: `7:${question}:${answer}` }),
    (question) => toPulseAnswerForm({ askId: 7, question }),
  ),
  'context and divider': {
    text: 'Two sections',
    blocks: [{ kind: 'text', text: 'First' }, { kind: 'divider' }, { kind: 'context', text: 'Second, small' }],
  },
  'a form': { text: form.title, blocks: [{ kind: 'form', form }] },
  'a form with errors and values': {
    text: form.title,
    blocks: [
      {
        kind: 'form',
        form: {
          ...form,
          fields: form.fields.map((f) => (f.kind === 'text' ? { ...f, initial: 'typed before' } : f)),
          errors: { subject: 'Say what it is about.', priority: 'Pick a priority.' },
        },
      },
    ],
  },
  'a message at the size limit': {
    text: 'パスワードを忘れました'.repeat(200),
    blocks: [
      ...Array.from({ length: 12 }, (_, i) => ({ kind: 'text' as const, text: `${i} ${'パスワード'.repeat(400)}` })),
      { kind: 'actions', buttons: buttons.slice(0, 3) },
      { kind: 'context', text: 'last' },
    ],
  },
  'an empty message': { text: '' },
  'a message with no blocks': { text: '', blocks: [] },
};
