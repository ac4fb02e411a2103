import type { Field } from './message.ts';
import { literal } from './plain-text.ts';

/** A ticket opened to follow up feedback: on which ticket (`T-4`), or none for feedback on the service. */
export interface FollowUpOf {
  about?: string;
}

/** …and who should pick it up: the help desk's leads, by name. */
export interface FollowUpNote extends FollowUpOf {
  leads: string[];
}

/** What a queue line or a card says first about a follow-up, so staff see why it is on top. */
export const followUpMark = (f: FollowUpOf) => `Follow-up of feedback on ${f.about ?? 'the service'}`;

const forWhom = (leads: string[]) =>
  leads.length === 0
    ? 'a help desk lead (nobody is one yet: an admin adds one with `staff add @person lead`)'
    : `a help desk lead: ${leads.map(literal).join(', ')}`;

/** The card's and the ticket view's fields for a follow-up: what it follows up, and whose it is to take. */
export const followUpFields = (f: FollowUpNote): Field[] => [
  { label: 'Follow-up of', value: `feedback on ${f.about ?? 'the service'}` },
  { label: 'For', value: forWhom(f.leads) },
];

/** The same in one phrase, for a card's plain text. */
export const followUpLine = (f: FollowUpNote) =>
  `follow-up of feedback on ${f.about ?? 'the service'}, for ${forWhom(f.leads)}`;
