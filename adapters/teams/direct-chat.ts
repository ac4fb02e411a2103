import { type CloudAdapter, type ConversationReference, TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { PersonRef } from '../../src/model/identity.ts';
import { OutboxError } from '../../src/outbox.ts';
import { conversationKey, personKey, type ReferenceStore, tenantKey } from './references.ts';
import { toOutboxError } from './teams-failures.ts';

interface TenantService {
  serviceUrl: string;
  bot: { id: string; name?: string };
}

/**
 * Opens a 1:1 chat with someone who never wrote to the bot (Bot Connector "create conversation", with the
 * tenant and their Entra object id) and runs `run` in it; the chat is remembered for next time. Teams
 * creates it only when the app is installed for them (in a team they are in, or by an admin policy):
 * otherwise the person cannot be reached, which is said as `never_talked`.
 */
export async function startDirectChat<T>(
  deps: { adapter: CloudAdapter; appId: string; references: ReferenceStore },
  person: PersonRef,
  run: (context: TurnContext, reference: Partial<ConversationReference>) => Promise<T>,
): Promise<T> {
  const tenant = (await deps.references.find(tenantKey(person.workspace))) as TenantService | undefined;
  if (!tenant) throw new OutboxError('never_talked', { retryable: false });
  const parameters = {
    isGroup: false,
    bot: tenant.bot,
    members: [{ id: person.userId }],
    tenantId: person.workspace,
    channelData: { tenant: { id: person.workspace } },
  };
  let outcome = { ok: false, error: undefined } as { ok: true; value: T } | { ok: false; error: unknown };
  try {
    await deps.adapter.createConversationAsync(
      deps.appId,
      'msteams',
      tenant.serviceUrl,
      AuthenticationConstants.ToChannelFromBotOAuthScope,
      parameters as never,
      async (context) => {
        try {
          const reference = TurnContext.getConversationReference(context.activity);
          await deps.references.save(personKey(person.userId), reference as Record<string, unknown>);
          await deps.references.save(
            conversationKey(reference.conversation?.id ?? ''),
            reference as Record<string, unknown>,
          );
          outcome = { ok: true, value: await run(context, reference) };
        } catch (error) {
          outcome = { ok: false, error };
        }
      },
    );
  } catch (error) {
    // The chat could not be created: the app is not installed for them.
    const failure = toOutboxError(error);
    if (!failure.retryable || failure.problem === 'http_403') {
      throw new OutboxError('never_talked', { retryable: false, cause: error });
    }
    throw failure;
  }
  if (outcome.ok) return outcome.value;
  throw toOutboxError(outcome.error);
}
