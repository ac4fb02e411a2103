/** Who is speaking: `{ platform, workspace, userId }` is the identity; the name is for display. */
export interface PersonRef {
  platform: string;
  workspace: string;
  userId: string;
  displayName?: string;
  /**
   * Other workspaces the same person may already be stored under, from before the platform keyed people the
   * way it does now (Slack: by their home workspace or org): such a row is adopted, not duplicated.
   */
  formerly?: string[];
}

/** Where a conversation happens, so replies and updates go back to the same place. */
export interface PlaceRef {
  platform: string;
  workspace: string;
  channel: string;
  thread?: string;
  /**
   * The person's direct conversation with the desk, where follow-ups go when they asked somewhere replies
   * are only shown to them (a slash command in a channel): "the help desk will reply in your messages".
   */
  direct?: boolean;
}

/** A file someone sent with a message: the desk keeps its name and where to open it, never its content. */
export interface Attachment {
  name: string;
  url: string;
}

/** A message the bot posted, so it can be edited in place later. */
export interface Posted {
  platform: string;
  id: string;
}

/** Local chat names are case-insensitive, as people expect: `@Carol`, `local:CAROL` and `carol` are one person. */
export const localUserId = (name: string): string => name.toLowerCase();

/**
 * A person named in config or a command: a full identity (`slack:T123:U456`, `teams:<tenant>:<user>`,
 * `local:alice`), a Slack mention (`<@U456>`), or `@name` in the local chat. Short forms are taken on the
 * speaker's platform and workspace. Returns undefined for anything else: on Slack and Teams a typed name is
 * not an identity (only the platform's own mention is), so a mistyped name never becomes a stored person.
 */
export function parsePerson(text: string, speaker?: Pick<PersonRef, 'platform' | 'workspace'>): PersonRef | undefined {
  const t = text.trim();
  const full = /^(slack|teams):([^:\s]+):([^:\s]+)$/.exec(t);
  if (full) return { platform: full[1] as string, workspace: full[2] as string, userId: full[3] as string };
  const local = /^local:([\p{L}\p{N}._@-]{1,64})$/u.exec(t);
  if (local) return { platform: 'local', workspace: 'local', userId: localUserId(local[1] as string) };
  if (!speaker) return undefined;
  const mention = /^<@([A-Z0-9]+)(\|[^>]*)?>$/.exec(t);
  if (mention) return { platform: speaker.platform, workspace: speaker.workspace, userId: mention[1] as string };
  const at = speaker.platform === 'local' ? /^@([\p{L}\p{N}._-]{1,64})$/u.exec(t) : null;
  if (at) return { platform: speaker.platform, workspace: speaker.workspace, userId: localUserId(at[1] as string) };
  return undefined;
}

const namedPeople = /<@[A-Z0-9]+(?:\|[^>]*)?>|\b(?:slack|teams):[^:\s]+:[^:\s]+|\blocal:[\p{L}\p{N}._@-]{1,64}/gu;

/**
 * The words of a question without the people it names (a Slack mention, a Teams mention the adapter read
 * as a full identity): ids are not what anyone asks about, and would only blur the search.
 */
export const withoutPeople = (text: string): string => text.replace(namedPeople, ' ').replace(/\s+/g, ' ').trim();
