/**
 * What a feature (tickets, knowledge, staff, surveys, digests) registers with the desk. Nothing central lists
 * a feature's commands, buttons, forms or jobs: the registry builds dispatch, the audience check, help and
 * usage from these specs. Adding a command is one `CommandSpec` in its feature's file plus its copy.
 */
import type { z } from 'zod';
import type { DeskContext } from '../desk-context.ts';
import type { UsageProblem } from '../messages/copy.ts';
import type { FieldErrors, Form, FormValues } from '../messages/form.ts';
import type { Message } from '../messages/message.ts';
import type { Attachment, PlaceRef, Posted } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import type { Ticket } from '../model/ticket.ts';

/** Who may run a command: the desk checks it once, before `run`. */
export type Audience = 'everyone' | 'staff' | 'overseers' | 'admins';

export interface Command {
  name: string;
}

/**
 * What a command makes of its arguments: the command, a usage problem to explain, or `undefined` when the
 * text was not meant as this command at all ("status of my laptop order" is a question).
 */
export type ParsedArgs<C> = C | { usage: UsageProblem } | undefined;

export interface CommandSpec<C extends Command = Command> {
  name: string;
  /** One line for `help` and usage messages, in the chat markdown subset: "`claim T-n` — take a ticket". */
  usage: string;
  audience: Audience;
  /** A narrower audience for some of a command's forms (`queue set` for overseers, `queue list` for staff). */
  audienceOf?(command: C): Audience;
  /** What someone outside each audience is told (default: "only the help desk"), and the warning logged. */
  refusal?: { log: string; text: Partial<Record<Audience, string>> };
  /** Offered in platforms' command menus (the Teams compose box). */
  menu?: boolean;
  /** A form id: given with nothing, the command answers with its usage and this form to fill in instead. */
  form?: string;
  /** `explicit` is true for slash commands and text starting with "/": then a slip is explained, not searched. */
  parse(args: string, explicit: boolean): ParsedArgs<C>;
  run(ctx: DeskContext, person: Person, place: PlaceRef, command: C): Promise<Message>;
}

/**
 * A button's wire format: its value is built by `encode` and read back by `value`, in one place. Views build
 * buttons from the wire (`actionButton`); the spec adds what a click does.
 */
export interface ActionWire<V extends object = object> {
  id: string;
  /** Reads the clicked button's value (outside input) back into what `encode` was given. */
  value: z.ZodType<V, string>;
  encode(value: V): string;
}

export interface ActionSpec<V extends object = object> extends ActionWire<V> {
  /** The reply, or several in order (a long article in parts, each a message every platform takes whole). */
  run(ctx: DeskContext, person: Person, place: PlaceRef, value: V): Promise<Message | Message[]>;
}

/**
 * What a form shown about one thing (a survey ask) carries after its spec id: built by `encode`, read back by
 * `value` (outside input: a forged or stale key is refused by the spec's `run`, as a forged button is).
 */
export interface FormKey<K> {
  value: z.ZodType<K, string>;
  encode(key: K): string;
}

/** A form without a key is built with no argument (`newTicketForm.form()`). */
type KeyArgument<K> = [K] extends [undefined] ? [key?: K] : [key: K];

/**
 * A form a feature shows (see messages/form.ts) and what a valid submission does. A form about one thing has
 * a `key`: it is shown as `<id>:<key>` (commands/form-id.ts), and `form`, `read` and `run` get the key read.
 */
export interface FormSpec<V = unknown, K = unknown> {
  id: string;
  key?: FormKey<K>;
  form(...key: KeyArgument<K>): Form;
  /** Checks a submission field by field; the same rules on every platform. */
  read(values: FormValues, key: K): { ok: true; values: V } | { ok: false; errors: FieldErrors };
  run(ctx: DeskContext, person: Person, place: PlaceRef, values: V, key: K): Promise<Message>;
}

/**
 * Text in a thread that may belong to something a feature keeps (a requester answering the ticket that waits
 * on them), tried before the text is taken as a question. `overheardOnly` hooks only see talk the desk was
 * not asked directly (a help-desk member writing under a queue card).
 */
export interface ThreadHook {
  overheardOnly?: boolean;
  run(ctx: DeskContext, person: Person, place: PlaceRef, text: string): Promise<Message | undefined>;
}

/** A message the desk posted with `remember: "<prefix>:…"` was posted here: keep it to edit it later. */
export interface RememberSpec {
  prefix: string;
  run(ctx: DeskContext, key: string, posted: Posted): Promise<void>;
}

/** Scheduled work: pg-boss runs it on `cron` (5 fields), once across replicas at a time. */
export interface JobSpec {
  name: string;
  cron: string;
  /** How long one run may take before it counts as lost and another may start (default 2 minutes). */
  expireInSeconds?: number;
  run(ctx: DeskContext): Promise<unknown>;
}

/** A ticket just changed (stored, and its own notices sent): what happened, as its history rows say. */
export interface TicketChanged {
  ticket: Ticket;
  before: Ticket;
  events: readonly { kind: string }[];
}

/** Another feature's part in a ticket's change (surveys ask how it went once it is resolved). */
export type TicketListener = (ctx: DeskContext, change: TicketChanged) => Promise<void>;

export interface Feature {
  name: string;
  /** Called after every ticket change, in feature order; a listener's failure is logged, never the change's. */
  ticketChanged?: TicketListener[];
  commands?: CommandSpec[];
  actions?: ActionSpec[];
  forms?: FormSpec[];
  threads?: ThreadHook[];
  /** Sections of a person's own page (Slack's App Home), in order. */
  home?: ((ctx: DeskContext, person: Person) => Promise<Message>)[];
  remembers?: RememberSpec[];
  jobs?: JobSpec[];
  /** Answers free text that is not a command: one feature (knowledge) registers it. */
  answer?(
    ctx: DeskContext,
    person: Person,
    place: PlaceRef,
    question: string,
    attachments?: readonly Attachment[],
  ): Promise<Message>;
}

/** Identity helpers that let TypeScript infer a spec's own types where it is written. */
export const defineCommand = <C extends Command>(spec: CommandSpec<C>): CommandSpec<C> => spec;
export const defineAction = <V extends object>(spec: ActionSpec<V>): ActionSpec<V> => spec;
export const defineWire = <V extends object>(wire: ActionWire<V>): ActionWire<V> => wire;
export const defineForm = <V, K = undefined>(spec: FormSpec<V, K>): FormSpec<V, K> => spec;
