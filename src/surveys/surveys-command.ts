import { defineCommand } from '../commands/feature.ts';
import { surveyCopy } from '../messages/survey-copy.ts';
import { setSurveysOff } from '../store/survey-preferences.ts';

type SurveysCommand = { name: 'surveys'; on: boolean };

/** `surveys off` / `surveys on`: whether this person is asked how it went (CSAT and pulse surveys). */
export const surveysCommand = defineCommand<SurveysCommand>({
  name: 'surveys',
  usage: '`surveys off` / `surveys on` — stop or start being asked how it went',
  audience: 'everyone',
  parse(args, explicit) {
    const word = args.trim().toLowerCase();
    if (word === 'off' || word === 'on') return { name: 'surveys', on: word === 'on' };
    return explicit || word === '' ? { usage: 'bad_arguments' } : undefined;
  },
  async run(ctx, person, _place, { on }) {
    await setSurveysOff(ctx.db, person.id, on ? null : ctx.clock.now());
    ctx.log.info('surveys preference set', { by: person.id, on });
    return { text: on ? surveyCopy.surveysOn : surveyCopy.surveysOff };
  },
});
