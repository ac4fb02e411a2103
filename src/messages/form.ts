/**
 * A neutral form: fields with their limits, and the errors of a submission that did not pass. Features
 * define forms (see `FormSpec`); each adapter renders one as its platform does forms (a Slack modal, an
 * Adaptive Card with `Input.*`, a web form) and sends the values back with the form's id.
 */
export interface Form {
  /**
   * The form's id as shown: its spec's id, and for a form about one thing (a survey ask) that thing's key
   * after a colon (`csat_comment:12`, see commands/form-id.ts). A submission comes back with it whole.
   */
  id: string;
  title: string;
  /** The button that sends it. */
  submitLabel: string;
  /** The button that opens it, where it is shown as a button first (Slack messages and App Home). */
  openLabel: string;
  fields: FormField[];
  /** Per field, what was wrong with the last submission, in words for the person. */
  errors?: FieldErrors;
}

export type FormField =
  | {
      kind: 'text';
      name: string;
      label: string;
      hint?: string;
      optional?: boolean;
      multiline?: boolean;
      maxLength: number;
      initial?: string;
    }
  | {
      kind: 'choice';
      name: string;
      label: string;
      options: { value: string; label: string }[];
      initial?: string;
    };

/** What came back from a form, field by field: outside input, read by the form's own spec. */
export type FormValues = Readonly<Record<string, string | undefined>>;
export type FieldErrors = Readonly<Record<string, string>>;

/** The longest form id (spec id and key): it fits Slack's callback and action ids and Teams' submit data. */
export const maxFormIdLength = 100;
