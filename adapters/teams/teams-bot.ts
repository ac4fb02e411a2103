import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import type { Desk } from '../../src/desk.ts';
import type { Inbound } from '../../src/inbound.ts';
import type { Logger } from '../../src/log.ts';
import { copy } from '../../src/messages/copy.ts';
import type { Message } from '../../src/messages/message.ts';
import { withBackoff } from './backoff.ts';
import { answerPress, type PressServices } from './card-press.ts';
import {
  activitySchema,
  cardData,
  executeInvoke,
  fromCardData,
  isPersonal,
  type TeamsActivity,
  tenantOf,
  toPerson,
  toPlace,
} from './inbound.ts';
import { keepCard } from './kept-cards.ts';
import { mentionsOf, readMessageText } from './mentions.ts';
import { toPostedId } from './posted-ids.ts';
import { type ReferenceStore, rememberConversation } from './references.ts';
import type { TeamsOutbox } from './teams-outbox.ts';
import { toActivity } from './to-activity.ts';

/** The desk as a Teams bot: every turn is translated to one desk call and its replies sent back as cards. */
export class TierdeskBot extends TeamsActivityHandler {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly press: PressServices;

  constructor(
    private readonly desk: Desk,
    private readonly references: ReferenceStore,
    private readonly log: Logger,
    outbox: TeamsOutbox,
  ) {
    super();
    this.press = {
      desk,
      references,
      outbox,
      log,
      track: (work) => {
        const tracked = work.finally(() => this.pending.delete(tracked));
        this.pending.add(tracked);
      },
    };
    this.onMessage(async (context, next) => {
      const activity = this.read(context);
      if (activity) await this.handleMessage(context, activity);
      await next();
    });
    // Installation is where a proactive path first becomes possible: keep the reference from then on.
    this.onInstallationUpdateAdd(async (context, next) => {
      const activity = this.read(context);
      if (activity) await rememberConversation(this.references, activity, context.activity);
      await next();
    });
    // Teams sends both membersAdded and installationUpdate on install; welcome only once, here.
    this.onMembersAdded(async (context, next) => {
      const activity = this.read(context);
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);
      if (activity && botAdded) {
        await rememberConversation(this.references, activity, context.activity);
        await this.send(context, [this.desk.welcome()]);
      }
      await next();
    });
  }

  private read(context: TurnContext): TeamsActivity | undefined {
    const parsed = activitySchema.safeParse(context.activity);
    if (!parsed.success) this.log.warn('teams activity not understood', { problem: parsed.error.message });
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Keeps how to reach this conversation later. A failure (the database restarting) must not cost the person
   * their answer: the desk then says what it can, and the next message remembers the conversation again.
   */
  private async remember(context: TurnContext, activity: TeamsActivity): Promise<void> {
    try {
      await rememberConversation(this.references, activity, context.activity);
    } catch (err) {
      this.log.warn('conversation not remembered', { conversation: activity.conversation.id, err });
    }
  }

  private async handleMessage(context: TurnContext, activity: TeamsActivity): Promise<void> {
    await this.remember(context, activity);
    // Activity ids are only unique within a conversation (two chats can each have message 1700000000123).
    const deliveryId = activity.id ? `activity:${activity.conversation.id}:${activity.id}` : undefined;
    const base = { from: toPerson(activity), place: toPlace(activity), ...(deliveryId ? { deliveryId } : {}) };
    // An Action.Submit (clients without Universal Actions) arrives as a message carrying the button's data.
    const submitted = cardData.safeParse(activity.value);
    // In a channel or group chat, talk that does not @mention the bot is overheard (the app reads a team's
    // channel messages: a help-desk member answering under a queue card); the desk answers it only when a
    // feature knows the thread.
    const addressed =
      isPersonal(activity) ||
      mentionsOf(context.activity.entities).some((m) => m.mentioned.id === context.activity.recipient?.id);
    const inbound: Inbound = submitted.success
      ? { ...base, ...fromCardData(submitted.data) }
      : { ...base, kind: 'message', text: await this.textOf(context, activity), ...(addressed ? {} : { addressed }) };
    await this.send(context, await this.desk.handle(inbound));
  }

  private textOf(context: TurnContext, activity: TeamsActivity): Promise<string> {
    return readMessageText(context, activity.text ?? '', {
      botId: context.activity.recipient?.id,
      tenant: tenantOf(activity),
      log: this.log,
    });
  }

  private async send(context: TurnContext, messages: Message[]): Promise<void> {
    for (const message of messages) {
      const sent = await withBackoff(() => context.sendActivity(toActivity(message)));
      if (!sent?.id) continue;
      const posted = { platform: 'teams', id: toPostedId(context.activity.conversation.id, sent.id) };
      await keepCard(this.references, posted.id, message).catch((err: unknown) =>
        this.log.warn('teams card not kept', { err }),
      );
      if (message.remember) await this.desk.posted(message.remember, posted);
    }
  }

  /**
   * Action.Execute (see card-press.ts). Teams retries an invoke when its answer did not arrive, so the retry
   * must be answered too: it is not deduplicated but handled again, which the buttons' handlers allow (a
   * second 👍 is "already have your feedback", a second "talk to a human" the same ticket).
   */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const activity = this.read(context);
    // The SDK's invoke value leaves out `trigger` (a refresh Teams asked for by itself): read the activity's own.
    const pressed = executeInvoke.safeParse(context.activity.value ?? invokeValue);
    if (!activity || !pressed.success) {
      this.log.warn('teams card action not understood', {
        problem: pressed.success ? 'activity' : pressed.error.message,
      });
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: copy.platform.unknownCardAction } as never,
      };
    }
    await this.remember(context, activity);
    return answerPress(this.press, activity, pressed.data);
  }

  /** Resolves once the work presses left running after their answer (the replies) is done. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
