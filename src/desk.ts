import { dispatch, threadReply, withAttachments } from './commands/dispatch.ts';
import { helpFor } from './commands/help-command.ts';
import type { Registry } from './commands/registry.ts';
import { inDelivery } from './delivery-scope.ts';
import type { DeskContext } from './desk-context.ts';
import { InputError, newErrorReference } from './errors.ts';
import { type Inbound, withPrintableText } from './inbound.ts';
import { withLogContext } from './log.ts';
import { copy } from './messages/copy.ts';
import { cutText } from './messages/cut-text.ts';
import type { FieldErrors, Form, FormValues } from './messages/form.ts';
import type { Message } from './messages/message.ts';
import { toWelcomeMessage } from './messages/welcome-view.ts';
import type { PersonRef, Posted } from './model/identity.ts';
import { isStaff } from './model/roles.ts';
import { type Tier, tiers } from './model/tiers.ts';
import { createRateLimiter } from './rate-limit.ts';
import { databaseUnreachable } from './store/database-unreachable.ts';
import {
  claimDelivery,
  deliveryKey,
  markDeliveryHandled,
  releaseDelivery,
  takeOrphanedDeliveries,
} from './store/deliveries.ts';
import { findPerson, upsertPerson } from './store/people.ts';
import { findQueuePlace } from './store/queue-places.ts';

/** What `take` did with an event: see Desk.take. */
export type Taken = 'taken' | 'repeat' | 'untaken';

/** What adapters call: the desk decides, replies come back as neutral messages. */
export interface Desk {
  /**
   * Takes an event to handle later, for an adapter that acknowledges events before handling them (Slack):
   * its claim is stored with the event at once, so one waiting its turn when the desk dies is left for
   * `recover`, not lost. `taken`: hand it to `handle` with `{ taken: true }`; `repeat`: seen before, drop
   * it; `untaken`: the store failed, so `handle` it as usual (it claims it itself). Never throws.
   */
  take(inbound: Inbound): Promise<Taken>;
  /** Handles one inbound event and returns the direct replies. Never throws. */
  handle(inbound: Inbound, options?: { taken?: boolean }): Promise<Message[]>;
  /**
   * Handles again the events whose desk died handling them (kill -9, a crash: store/deliveries.ts), sending
   * the replies to each person directly, since the conversation that brought the event is gone. Returns how
   * many it took over.
   */
  recover(): Promise<number>;
  /** A person's own page (Slack's App Home): their open and recently resolved tickets. */
  home(person: PersonRef): Promise<Message>;
  /** An adapter reports where it posted a message that carried `remember`. Never throws. */
  posted(remember: string, posted: Posted): Promise<void>;
  /** The same for Delivery, which tries again when recording it failed: throws what went wrong. */
  record(remember: string, posted: Posted): Promise<void>;
  /** A registered form, for platforms that open forms on their own (a Slack shortcut or button). */
  form(id: string): Form | undefined;
  /** Checks a submission without acting on it (Slack shows the errors in the modal before closing it). */
  checkForm(id: string, values: FormValues): FieldErrors | undefined;
  /** What a person sees when the desk is installed for them or added to their team. */
  welcome(): Message;
  /** Where each tier's queue is (`platform:address`), for a member of the help desk; nothing for anyone else. */
  queuesFor(person: PersonRef): Promise<{ tier: Tier; place: string }[] | undefined>;
}

/** Releases a failed delivery; if even that fails, the log line says the retry will be ignored. */
async function release(ctx: DeskContext, inbound: Inbound, deliveryId: string) {
  try {
    await releaseDelivery(ctx.db, inbound.from, deliveryId);
  } catch (err) {
    ctx.log.warn('failed delivery not released', { platform: inbound.from.platform, delivery: deliveryId, err });
  }
}

/** Marks a delivery handled; if that fails, a retry after the claim's lease would be handled again. */
async function handled(ctx: DeskContext, inbound: Inbound, deliveryId: string) {
  try {
    await markDeliveryHandled(ctx.db, inbound.from, deliveryId);
  } catch (err) {
    ctx.log.warn('delivery not marked handled', { platform: inbound.from.platform, delivery: deliveryId, err });
  }
}

/** What the desk itself limits, whatever the feature: `RATE_LIMIT_PER_MINUTE`, 0 for no limit. */
export interface DeskLimits {
  perPersonPerMinute: number;
}

export function createDesk(ctx: DeskContext, registry: Registry, limits: DeskLimits = { perPersonPerMinute: 0 }): Desk {
  const rate = createRateLimiter(limits.perPersonPerMinute);
  /** What the event asks for, once its delivery is claimed: the rate limit, then the feature that handles it. */
  async function decide(inbound: Inbound): Promise<Message[]> {
    if (inbound.kind === 'message' || inbound.kind === 'command') {
      const { platform, workspace, userId } = inbound.from;
      if (!rate.allow(`${platform}/${workspace}/${userId}`, ctx.clock.now())) {
        ctx.meter.count('tierdesk_rate_limited_total', { platform });
        ctx.log.info('rate limited', { platform, delivery: inbound.deliveryId });
        // Only what they typed to the desk: talk it merely overhears in a thread gets no reply either way.
        return inbound.kind === 'message' && inbound.addressed === false ? [] : [{ text: copy.rateLimited }];
      }
    }
    const person = await upsertPerson(ctx.db, inbound.from);
    if (inbound.kind === 'message' && inbound.addressed === false) {
      // Talk the desk was not asked: it answers only when a feature knows the thread.
      const text = withAttachments(inbound.text, inbound.attachments ?? []);
      const reply = await threadReply(ctx, registry, person, inbound.place, text, true);
      return reply ? [reply] : [];
    }
    return [await dispatch(ctx, registry, person, inbound)].flat();
  }

  /** `claimed`: the delivery is already this desk's (taken over from a desk that died handling it). */
  async function handleOne(inbound: Inbound, claimed = false): Promise<Message[]> {
    // Wall time, not ctx.clock: the clock may be fixed (tests) or shifted, and latency is real time spent.
    const started = performance.now();
    const deliveryId = inbound.deliveryId;
    try {
      if (!deliveryId) return await decide(inbound);
      if (!claimed && !(await claimDelivery(ctx.db, { ...inbound, deliveryId }))) {
        ctx.log.info('repeated delivery ignored', { platform: inbound.from.platform, delivery: deliveryId });
        return [];
      }
      const replies = await inDelivery(deliveryKey(inbound.from, deliveryId), () => decide(inbound));
      await handled(ctx, inbound, deliveryId);
      return replies;
    } catch (err) {
      if (err instanceof InputError) {
        ctx.log.warn('bad input', { platform: inbound.from.platform, kind: inbound.kind, problem: err.message });
        if (deliveryId) await handled(ctx, inbound, deliveryId);
        return [{ text: copy.unknownAction }];
      }
      // What failed may be passing (the database restarting): the person's or the platform's retry of
      // this same delivery is then handled, not ignored as a repeat.
      if (deliveryId) await release(ctx, inbound, deliveryId);
      const unreachable = databaseUnreachable(err);
      if (unreachable) {
        // Not a bug to report: the whole event failed and can be tried again (store/database-unreachable.ts).
        ctx.log.warn('database unreachable', {
          platform: inbound.from.platform,
          kind: inbound.kind,
          code: unreachable,
        });
        return [{ text: copy.databaseAway }];
      }
      const reference = newErrorReference();
      ctx.log.error('event failed', { reference, platform: inbound.from.platform, kind: inbound.kind, err });
      return [{ text: copy.internalError(reference) }];
    } finally {
      const labels = { platform: inbound.from.platform, kind: inbound.kind };
      ctx.meter.observe('tierdesk_handler_seconds', labels, (performance.now() - started) / 1000);
    }
  }

  const record = async (remember: string, posted: Posted) => {
    const spec = registry.remembers.find((r) => remember.startsWith(`${r.prefix}:`));
    if (!spec) return ctx.log.warn('unknown message key reported', { remember });
    await spec.run(ctx, remember, posted);
  };

  async function recover(): Promise<number> {
    const orphans = await takeOrphanedDeliveries(ctx.db, 20);
    for (const inbound of orphans) {
      const { platform } = inbound.from;
      await withLogContext({ event: inbound.deliveryId }, async () => {
        ctx.log.warn('delivery lost with its desk; handling it again', { platform, delivery: inbound.deliveryId });
        const replies = await handleOne(inbound, true);
        if (replies.length === 0) return;
        const said = inbound.kind === 'message' || inbound.kind === 'command' ? inbound.text : undefined;
        for (const reply of [{ text: copy.handledLate(said && cutText(said, 80)) }, ...replies]) {
          await ctx.delivery.toPerson(inbound.from, reply, 'late reply', { delivery: inbound.deliveryId });
        }
      });
    }
    return orphans.length;
  }

  async function take(received: Inbound): Promise<Taken> {
    const inbound = withPrintableText(received);
    const { deliveryId } = inbound;
    if (!deliveryId) return 'untaken';
    try {
      if (await claimDelivery(ctx.db, { ...inbound, deliveryId })) return 'taken';
      ctx.log.info('repeated delivery ignored', { platform: inbound.from.platform, delivery: deliveryId });
      return 'repeat';
    } catch (err) {
      ctx.log.warn('delivery not taken; handling will claim it', { platform: inbound.from.platform, err });
      return 'untaken';
    }
  }

  return {
    recover,
    take,
    handle(received, options = {}) {
      // Every line logged while handling this event carries its delivery id (or one made up for it).
      const event = received.deliveryId ?? newErrorReference();
      return withLogContext({ event }, () => handleOne(withPrintableText(received), options.taken === true));
    },
    record,
    async posted(remember, posted) {
      try {
        await record(remember, posted);
      } catch (err) {
        ctx.log.error('could not remember a posted message', { remember, err });
      }
    },
    async home(from) {
      const person = await upsertPerson(ctx.db, from);
      const sections = await Promise.all(registry.home.map((section) => section(ctx, person)));
      return {
        text: sections.map((s) => s.text).join('\n'),
        blocks: sections.flatMap((s, i) => [...(i > 0 ? [{ kind: 'divider' as const }] : []), ...(s.blocks ?? [])]),
      };
    },
    form: (id) => registry.form(id)?.form(),
    checkForm(id, values) {
      const read = registry.form(id)?.read(values);
      return read && !read.ok ? read.errors : undefined;
    },
    welcome: () => toWelcomeMessage(helpFor(registry, { role: 'requester' })),
    async queuesFor(ref) {
      const person = await findPerson(ctx.db, ref);
      if (!person || !isStaff(person)) return undefined;
      // As tickets/queues.ts' queueFor reads them: `queue set` first, then QUEUE_*.
      const places = await Promise.all(
        tiers.map(async (tier) => (await findQueuePlace(ctx.db, tier)) ?? ctx.queues[tier]),
      );
      return tiers.flatMap((tier, i) => (places[i] ? [{ tier, place: places[i] }] : []));
    },
  };
}
