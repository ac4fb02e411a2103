import type { PersonRef, PlaceRef } from '../../src/model/identity.ts';

/**
 * Where a payload says a person belongs. People are keyed by their home, the same in every kind of payload:
 * on Enterprise Grid by the org (`W…` user ids are org-wide, whichever workspace they act from), elsewhere by
 * their own workspace (in a Slack Connect channel that is not the channel's). The installation is the
 * workspace the app runs in here: places belong to it, and earlier versions keyed people by it.
 */
export interface Home {
  /** The person's own workspace: `user.team_id`, `user_team` or `team` of an event. */
  team?: string | undefined;
  /** The Enterprise Grid org, when the payload comes from one. */
  enterprise?: string | undefined;
  /** The workspace of this installation: `authorizations[0].team_id`, `view.app_installed_team_id`. */
  installation?: string | undefined;
}

export function toPerson(userId: string, home: Home, displayName?: string): PersonRef {
  const org = home.enterprise && userId.startsWith('W') ? home.enterprise : undefined;
  const workspace = org ?? home.team ?? home.installation ?? 'unknown';
  // Rows made before people were keyed by their home are found under these, and adopted.
  const formerly = [...new Set([home.installation, home.team])].filter(
    (w): w is string => w !== undefined && w !== workspace,
  );
  return {
    platform: 'slack',
    workspace,
    userId,
    ...(displayName ? { displayName } : {}),
    ...(formerly.length > 0 ? { formerly } : {}),
  };
}

/** Replies go in the thread of the message that asked: its own thread, or a new one under it. */
export function toPlace(workspace: string, channel: string, ts?: string, threadTs?: string): PlaceRef {
  const thread = threadTs ?? ts;
  return { platform: 'slack', workspace, channel, ...(thread ? { thread } : {}) };
}

/**
 * The person's direct conversation with the bot (posting to a user id opens it): where follow-ups go when
 * they asked in a place only they saw the answer, a slash command or an ephemeral message in a channel.
 */
export function toDirectPlace(workspace: string, userId: string, askedIn?: string): PlaceRef {
  // Asked in the DM itself (a `D…` channel): that conversation is the direct one.
  if (askedIn?.startsWith('D')) return { platform: 'slack', workspace, channel: askedIn };
  return { platform: 'slack', workspace, channel: userId, ...(askedIn ? { direct: true } : {}) };
}
