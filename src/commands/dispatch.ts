import type { DeskContext } from '../desk-context.ts';
import type { Inbound } from '../inbound.ts';
import { copy, type UsageProblem } from '../messages/copy.ts';
import type { FormValues } from '../messages/form.ts';
import type { Message } from '../messages/message.ts';
import type { Attachment, PlaceRef } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import { allows } from './audience.ts';
import type { Command } from './feature.ts';
import { helpFor } from './help-command.ts';
import { maxTextLength, type Parsed, parseInput } from './parse-input.ts';
import type { Registry } from './registry.ts';

/** The part of a desk event after dedupe and identity: one registered spec handles it. */
export async function dispatch(
  ctx: DeskContext,
  registry: Registry,
  person: Person,
  inbound: Inbound,
): Promise<Message | Message[]> {
  switch (inbound.kind) {
    case 'action': {
      const { spec, value } = registry.readAction(inbound.actionId, inbound.value);
      return spec.run(ctx, person, inbound.place, value);
    }
    case 'form':
      return submitForm(ctx, registry, person, inbound.place, inbound.formId, inbound.values);
    case 'message':
      return answerText(ctx, registry, person, inbound.place, inbound.text, false, inbound.attachments ?? []);
    case 'command':
      return answerText(ctx, registry, person, inbound.place, inbound.text, true, []);
  }
}

async function answerText(
  ctx: DeskContext,
  registry: Registry,
  person: Person,
  place: PlaceRef,
  text: string,
  explicit: boolean,
  attachments: readonly Attachment[],
): Promise<Message> {
  const parsed: Parsed = parseInput(text, { explicit }, registry);
  // In a thread a feature keeps (a ticket waiting on its requester), the words and the files are the reply.
  const asReply = (words: string) => withAttachments(words, attachments);
  if (parsed.kind === 'usage' && parsed.problem === 'empty' && attachments.length > 0) {
    return (await threadReply(ctx, registry, person, place, asReply(''))) ?? { text: copy.fileWithoutWords };
  }
  switch (parsed.kind) {
    case 'question':
      return (
        (await threadReply(ctx, registry, person, place, asReply(parsed.text))) ??
        registry.answer(ctx, person, place, parsed.text, attachments)
      );
    case 'small_talk': {
      // "Thanks" under a ticket waiting on the requester is their reply to it, as any other words would be.
      const reply = await threadReply(ctx, registry, person, place, asReply(text.trim()));
      if (reply) return reply;
      ctx.meter.count('tierdesk_questions_total', { decision: 'small_talk' });
      // "What can you do?" is answered with what `help` shows.
      return parsed.what === 'about' ? helpFor(registry, person) : { text: copy.smallTalk[parsed.what] };
    }
    case 'command':
      return runCommand(ctx, registry, person, place, parsed.command);
    case 'usage':
      return usageMessage(registry, parsed.problem, parsed.name);
  }
}

/** Runs a parsed command for someone in its audience; anyone else is told no, and the attempt is logged. */
export async function runCommand(
  ctx: DeskContext,
  registry: Registry,
  person: Person,
  place: PlaceRef,
  command: Command,
): Promise<Message> {
  const spec = registry.command(command.name);
  if (!spec) throw new Error(`no spec for parsed command ${command.name}`);
  const audience = spec.audienceOf?.(command) ?? spec.audience;
  if (!allows(audience, person)) {
    ctx.log.warn(spec.refusal?.log ?? 'command refused', {
      person: person.id,
      role: person.role,
      tier: person.tier,
      command: command.name,
      refusal: `not_${audience}`,
    });
    return { text: spec.refusal?.text[audience] ?? copy.notStaff };
  }
  return spec.run(ctx, person, place, command);
}

/** Words with the files that came with them, as the help desk reads them in a ticket's record. */
export const withAttachments = (words: string, attachments: readonly Attachment[]) =>
  attachments.length === 0 ? words : [words, copy.attached([...attachments])].filter(Boolean).join('\n\n');

/** Text in a thread may belong to something a feature keeps; the first hook that takes it answers. */
export async function threadReply(
  ctx: DeskContext,
  registry: Registry,
  person: Person,
  place: PlaceRef,
  text: string,
  overheard = false,
): Promise<Message | undefined> {
  for (const hook of registry.threads) {
    if (hook.overheardOnly && !overheard) continue;
    const reply = await hook.run(ctx, person, place, text);
    if (reply) return reply;
  }
  return undefined;
}

/** How to use a command; one that has a form offers it too, for platforms that can show forms. */
function usageMessage(registry: Registry, problem: UsageProblem, name?: string): Message {
  const spec = name ? registry.command(name) : undefined;
  const text = copy.usage(problem, { maxTextLength, ...(spec ? { name: spec.name, usage: spec.usage } : {}) });
  const form = spec?.form && problem === 'missing_argument' ? registry.form(spec.form)?.form() : undefined;
  return form
    ? {
        text,
        blocks: [
          { kind: 'text', text },
          { kind: 'form', form },
        ],
      }
    : { text };
}

async function submitForm(
  ctx: DeskContext,
  registry: Registry,
  person: Person,
  place: PlaceRef,
  formId: string,
  values: FormValues,
): Promise<Message> {
  const spec = registry.form(formId);
  if (!spec) {
    // No such form, or a key that does not read (`csat_comment:abc`): outside input, refused like a forged button.
    ctx.log.warn('bad input', {
      platform: person.platform,
      kind: 'form',
      problem: `unknown form "${formId.slice(0, 100)}"`,
    });
    return { text: copy.unknownAction };
  }
  const read = spec.read(values);
  if (read.ok) return spec.run(ctx, person, place, read.values);
  // Shown again with what was wrong, where the platform shows forms in messages (Teams, the web page).
  const errors = Object.values(read.errors).join(' ');
  return { text: errors, blocks: [{ kind: 'form', form: { ...spec.form(), errors: read.errors } }] };
}
