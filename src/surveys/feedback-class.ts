/**
 * The five feedback classes of the support plans, mildest first: what a comment says about the service.
 * - appreciation: happy with the service;
 * - undertone: a first, small sign of dissatisfaction;
 * - concern: worry about the service;
 * - complaint: expectations not met;
 * - escalation: the highest dissatisfaction.
 */
export const feedbackClasses = ['appreciation', 'undertone', 'concern', 'complaint', 'escalation'] as const;

export type FeedbackClass = (typeof feedbackClasses)[number];

/** A classed comment: its class, a sentiment from -1 (angry) to 1 (delighted), and who decided. */
export interface Classified {
  class: FeedbackClass;
  sentiment: number;
  by: 'rules' | 'openai';
}

/** A classed comment as the feedback record stores it. */
export const classedColumns = (c: Classified) => ({ class: c.class, sentiment: c.sentiment, classifiedBy: c.by });

const rank = (c: FeedbackClass) => feedbackClasses.indexOf(c);

/** The graver of a class and a floor ("a rating of 1 is at least a complaint"). */
export function atLeast(c: FeedbackClass, floor: FeedbackClass): FeedbackClass {
  return rank(c) >= rank(floor) ? c : floor;
}

/** The least a star rating (1–5) says on its own: a 1 is a complaint, a 2 at least an undertone. */
export function ratingFloor(rating: number | undefined): FeedbackClass {
  if (rating === 1) return 'complaint';
  if (rating === 2) return 'undertone';
  return 'appreciation';
}
