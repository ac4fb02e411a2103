import type { DeskContext } from '../desk-context.ts';
import { toPulseMessage } from '../messages/pulse-view.ts';
import { findPersonById } from '../store/people.ts';
import {
  finishIfSent,
  markNotDelivered,
  type PulseRun,
  pausedPulseSurveys,
  skipClosedUnsent,
  takeAsksToSend,
  unfinishedPulseRuns,
} from '../store/pulse-runs.ts';
import { toPulseAnswerForm } from './pulse-answer-form.ts';
import { planRun } from './pulse-plan.ts';
import type { PulseSettings } from './pulse-settings.ts';
import { pulseWire } from './pulse-wire.ts';

/**
 * The gap between two pulse messages on one platform, kept well inside its limits: Slack allows about one
 * message a second per conversation and rate-limits `conversations.open` and `chat.postMessage` per workspace
 * (so one a second overall); Teams allows a bot a few messages a second, 50 a second across conversations.
 */
const paceMs: Readonly<Record<string, number>> = { slack: 1_100, teams: 250 };
const batchSize = 20;
/** One tick sends for at most this long; the next tick (a minute later) carries on. */
const budgetMs = 45_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends what pulse runs have waiting, paced per platform; one sender per process, so paces hold. */
export function createPulseSender(settings: PulseSettings) {
  const nextAt: Record<string, number> = {};
  let running: Promise<void> | undefined;

  const paced = async (platform: string) => {
    const wait = (nextAt[platform] ?? 0) - Date.now();
    if (wait > 0) await sleep(wait);
    nextAt[platform] = Date.now() + (paceMs[platform] ?? 0);
  };

  const sendRun = async (ctx: DeskContext, run: PulseRun, until: number) => {
    // `survey pause` holds a run being sent where it is, checked before each batch: the asks not taken yet
    // wait, and `survey resume` carries on with them.
    const paused = async () => (await pausedPulseSurveys(ctx.db)).has(run.surveyId);
    if (await paused()) return;
    const planned = run.plannedAt ? run : (await planRun(ctx, settings, run)).run;
    const closed = await skipClosedUnsent(ctx.db, planned.id, ctx.clock.now());
    if (closed > 0)
      ctx.log.info('pulse asks closed before sent', { survey: planned.surveyId, run: planned.id, closed });
    while (Date.now() < until) {
      const asks = await takeAsksToSend(ctx.db, planned.id, batchSize, ctx.clock.now());
      if (asks.length === 0) break;
      for (const ask of asks) {
        const person = await findPersonById(ctx.db, ask.personId);
        if (!person) continue;
        await paced(person.platform);
        const message = toPulseMessage(
          planned.survey,
          (question, answer) => ({
            actionId: pulseWire.id,
            value: pulseWire.encode({ askId: ask.id, question, answer }),
          }),
          (question) => toPulseAnswerForm({ askId: ask.id, question }),
        );
        const sent = await ctx.delivery.toPerson(person, message, 'pulse survey', {
          survey: planned.surveyId,
          ask: ask.id,
        });
        // One kept in the outbox may still arrive (the retry job sends it): it counts as sent, and stays answerable.
        if (!sent.ok && !sent.queued) await markNotDelivered(ctx.db, ask.id, sent.problem ?? sent.reason);
      }
      if (await paused()) return;
    }
    if (await finishIfSent(ctx.db, planned.id, ctx.clock.now()))
      ctx.log.info('pulse survey sent', { survey: planned.surveyId, run: planned.id });
  };

  const sendAll = async (ctx: DeskContext) => {
    const until = Date.now() + budgetMs;
    for (const run of await unfinishedPulseRuns(ctx.db)) {
      if (Date.now() >= until) break;
      await sendRun(ctx, run, until);
    }
  };

  return {
    /** Sends what waits, within one tick's budget; a call while sending waits for that sending instead. */
    async sendDue(ctx: DeskContext): Promise<void> {
      if (running) return running;
      running = sendAll(ctx).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

export type PulseSender = ReturnType<typeof createPulseSender>;
