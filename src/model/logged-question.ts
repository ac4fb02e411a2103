/** A question the desk answered or asked back, and what the person did next, as logged. */
export interface LoggedQuestion {
  decision: 'answer' | 'clarify' | 'decline';
  /** The top candidate's features when it was asked; empty for questions logged before they were kept. */
  features: readonly number[];
  top: string | undefined;
  /** 👍 (true) or 👎 (false) on the answer, or on the article picked; null when neither was pressed. */
  helpful: boolean | null;
  /** The article picked from "Which of these?". */
  picked: string | undefined;
  /** "Talk to a human" was pressed. */
  human: boolean;
}
