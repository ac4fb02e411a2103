import { maxFormIdLength } from '../messages/form.ts';

/**
 * A form shown about one thing carries that thing in its id: `<spec id>:<key>`, as `csat_comment:12` (the
 * comment on survey ask 12) or, for a pulse's written answer, `<spec>:<ask>:<question>`. Every platform sends
 * a form's id back as it got it (Slack's callback and open-button ids, Teams' submit data, the web page's
 * form body), so the key needs no platform's own hiding place, and one rule reads it everywhere. The key is
 * outside input: the form's spec reads it with its own zod schema (`FormSpec.key`).
 */
const specId = /^[a-z][a-z_]{0,39}$/;
/** A key's characters: word characters, dots, dashes and colons (pulse question ids are kebab-case). */
const shownId = /^([a-z][a-z_]{0,39})(?::([\w.:-]+))?$/;

/** A spec id as the registry accepts it: lower case and underscores, so the first colon always ends it. */
export const isFormSpecId = (id: string) => specId.test(id);

/** The id a form is shown under: its spec's id, with the key when it has one. */
export function toFormId(spec: string, key?: string): string {
  const id = key === undefined ? spec : `${spec}:${key}`;
  if (!isFormSpecId(spec) || id.length > maxFormIdLength || !shownId.test(id)) {
    throw new Error(`form id "${id.slice(0, 120)}" is not a spec id and key of at most ${maxFormIdLength}`);
  }
  return id;
}

/** A shown form's id split into its spec's id and its key (still unread); undefined when it is neither. */
export function splitFormId(id: string): { spec: string; key?: string } | undefined {
  if (id.length > maxFormIdLength) return undefined;
  const match = shownId.exec(id);
  if (!match?.[1]) return undefined;
  return match[2] === undefined ? { spec: match[1] } : { spec: match[1], key: match[2] };
}
