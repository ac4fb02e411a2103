/**
 * How much a 👎 lesson weighs (0..1): one person's 👎 is one vote, half the weight; two people make it whole.
 * Every different person who since confirmed the article for that question (👍, or a pick from "Which of
 * these?") takes one vote back, so a lesson one person taught is undone by the next who finds it helpful.
 */
export function lessonStrength(votes: { against: number; confirmed: number }): number {
  const net = votes.against - votes.confirmed;
  return net <= 0 ? 0 : Math.min(1, net / 2);
}
