import { z } from 'zod';
import type { DeskContext } from '../desk-context.ts';
import { InputError } from '../errors.ts';
import type { FieldErrors, Form, FormValues } from '../messages/form.ts';
import type { Message } from '../messages/message.ts';
import type { PlaceRef } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import { audienceRank } from './audience.ts';
import type {
  ActionSpec,
  CommandSpec,
  Feature,
  FormSpec,
  JobSpec,
  RememberSpec,
  ThreadHook,
  TicketListener,
} from './feature.ts';
import { isFormSpecId, splitFormId } from './form-id.ts';
import { helpCommand } from './help-command.ts';

/** A form as shown under one id (`new_ticket`, `csat_comment:12`): its spec with the key already read. */
export interface ShownForm {
  form(): Form;
  read(values: FormValues): { ok: true; values: unknown } | { ok: false; errors: FieldErrors };
  run(ctx: DeskContext, person: Person, place: PlaceRef, values: unknown): Promise<Message>;
}

/** Everything the features registered, looked up by name; built once at start-up. */
export interface Registry {
  /** In registration order, `help` first. */
  readonly commands: readonly CommandSpec[];
  command(name: string): CommandSpec | undefined;
  action(id: string): ActionSpec | undefined;
  /** A form by the id it was shown under; undefined when no spec has it or its key does not read. */
  form(id: string): ShownForm | undefined;
  /** A clicked button's id and value, checked: the spec and what its value says. Throws InputError. */
  readAction(actionId: string, value: string): { spec: ActionSpec; value: object };
  readonly threads: readonly ThreadHook[];
  readonly home: NonNullable<Feature['home']>;
  readonly remembers: readonly RememberSpec[];
  readonly jobs: readonly JobSpec[];
  readonly ticketListeners: readonly TicketListener[];
  readonly answer: NonNullable<Feature['answer']>;
  /** Commands as `help` lists them: everyone's first, then the help desk's, widest audience first. */
  listed(): { everyone: CommandSpec[]; desk: CommandSpec[] };
}

function byName<T>(items: T[], name: (item: T) => string, what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(name(item))) throw new Error(`two features register the ${what} "${name(item)}"`);
    map.set(name(item), item);
  }
  return map;
}

/** Builds dispatch from the features' specs; a name registered twice is a start-up error, not a surprise. */
export function createRegistry(features: readonly Feature[]): Registry {
  const all = <T>(pick: (feature: Feature) => readonly T[] | undefined): T[] => features.flatMap((f) => pick(f) ?? []);
  const answers = features.flatMap((f) => (f.answer ? [f.answer.bind(f)] : []));
  const [answer] = answers;
  if (!answer || answers.length > 1) throw new Error('exactly one feature must answer questions');
  const list: CommandSpec[] = [];
  const registry: Registry = {
    commands: list,
    command: (name) => commands.get(name),
    action: (id) => actions.get(id),
    form: (id) => shownForm(forms, id),
    readAction(actionId, value) {
      const spec = actions.get(actionId);
      if (!spec) throw new InputError(`unknown action "${actionId.slice(0, 60)}"`);
      const read = spec.value.safeParse(value);
      if (!read.success) throw new InputError(`${spec.id} value is not valid: ${z.prettifyError(read.error)}`);
      return { spec, value: read.data };
    },
    threads: all((f) => f.threads),
    home: all((f) => f.home),
    remembers: all((f) => f.remembers),
    jobs: all((f) => f.jobs),
    ticketListeners: all((f) => f.ticketChanged),
    answer,
    listed() {
      const everyone = registry.commands.filter((c) => c.audience === 'everyone');
      const desk = registry.commands
        .filter((c) => c.audience !== 'everyone')
        .sort((a, b) => audienceRank[a.audience] - audienceRank[b.audience]);
      return { everyone, desk };
    },
  };
  // `help` lists every command, so it is the registry's own.
  list.push(helpCommand(registry), ...all((f) => f.commands));
  const commands = byName(list, (c) => c.name, 'command');
  const actions = byName(
    all((f) => f.actions),
    (a) => a.id,
    'action',
  );
  const forms = byName(
    all((f) => f.forms),
    (f) => f.id,
    'form',
  );
  for (const id of forms.keys()) {
    if (!isFormSpecId(id)) throw new Error(`form id "${id}" must be lower case letters and underscores`);
  }
  return registry;
}

/** A form spec and its key, read from the id it was shown under: a form with a key needs one, and one that reads. */
function shownForm(forms: Map<string, FormSpec>, id: string): ShownForm | undefined {
  const split = splitFormId(id);
  const spec = split ? forms.get(split.spec) : undefined;
  if (!spec || !split || (spec.key === undefined) !== (split.key === undefined)) return undefined;
  const read = spec.key ? spec.key.value.safeParse(split.key) : { success: true as const, data: undefined };
  if (!read.success) return undefined;
  const key = read.data;
  return {
    form: () => spec.form(key),
    read: (values) => spec.read(values, key),
    run: (ctx, person, place, values) => spec.run(ctx, person, place, values, key),
  };
}
