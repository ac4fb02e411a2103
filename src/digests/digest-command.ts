import { defineCommand } from '../commands/feature.ts';
import { digestCopy as copy } from '../messages/digest-copy.ts';
import { deskDigestMessage } from './digest-message.ts';
import type { DigestSettings } from './digest-settings.ts';
import { isoWeekOf, parseIsoWeek, shiftWeek } from './iso-week.ts';

type DigestCommand = { name: 'digest'; which: 'this' | 'last' } | { name: 'digest'; which: 'week'; week: string };

/** `digest`, `digest last`, `digest this`, `digest 2026-W48`; anything else is a question about digests. */
function parseDigest(args: string, explicit: boolean) {
  const word = args.trim().toLowerCase();
  if (word === '' || word === 'last') return { name: 'digest', which: 'last' } as const;
  if (word === 'this') return { name: 'digest', which: 'this' } as const;
  const week = parseIsoWeek(word);
  if (week) return { name: 'digest', which: 'week', week } as const;
  return explicit || /^\d{4}-w\d+$/i.test(word) ? { usage: 'bad_arguments' as const } : undefined;
}

/**
 * `digest [this|last|YYYY-Www]`, for leads and admins: a week's digest, sent to the asker in a direct message
 * (where Slack can add its chart as a file, which a command's reply cannot carry). When the message cannot
 * go, the digest comes back as the reply instead, with why.
 */
export const digestCommand = (settings: DigestSettings) =>
  defineCommand<DigestCommand>({
    name: 'digest',
    usage: "`digest [this|last|YYYY-Www]` — the weekly digest of the desk's figures, sent to you (leads and admins)",
    audience: 'overseers',
    parse: parseDigest,
    async run(ctx, person, _place, command) {
      const now = ctx.clock.now();
      const thisWeek = isoWeekOf(now, settings.timeZone);
      const week =
        command.which === 'week' ? command.week : command.which === 'this' ? thisWeek : shiftWeek(thisWeek, -1);
      if (week > thisWeek) return { text: copy.future(week) };
      const message = await deskDigestMessage(ctx, settings, week, now);
      const sent = await ctx.delivery.toPerson(person, message, 'digest', { week });
      if (sent.ok) return { text: copy.sentPrivately(week) };
      const note = copy.notSent(week, sent.problem ?? sent.reason);
      return {
        ...message,
        text: `${note}\n${message.text}`,
        blocks: [{ kind: 'context', text: note }, ...(message.blocks ?? [])],
      };
    },
  });
