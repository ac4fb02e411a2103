import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';

// The package's lib/ is ESM that Node cannot load; its webpack bundle loads as CommonJS.
const ac = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

type Json = Record<string, unknown>;

/** The Adaptive Card version Teams is sent: anything the parser knows only from a later version is a problem. */
const target = ac.Versions.v1_5;
/** Teams shows six actions in a set (the parser's default host config says five). */
const teamsHost = new ac.HostConfig({ actions: { maxActions: 6 } });

/** Keys every element and action may carry that are not in the parser's property schema. */
const everywhere = new Set(['type', 'fallback']);
/** Teams' own extension on the card (learn.microsoft.com, "Format cards": full-width cards). */
const teamsExtension = { msteams: (value: unknown) => JSON.stringify(value) === '{"width":"Full"}' };

/** Children that are not typed card objects, by the key that holds them: checked against their own class. */
const children: Record<string, () => AdaptiveCards.SerializableObject> = {
  facts: () => new ac.Fact(),
  choices: () => new ac.Choice(),
};
/** The element and action lists, which the parser reads outside its property schema, by the type that holds them. */
const lists: Record<string, string[]> = {
  AdaptiveCard: ['body', 'actions'],
  Container: ['items'],
  ActionSet: ['actions'],
  ColumnSet: ['columns'],
  Column: ['items'],
};
/** Free-form values the parser does not look into: what an action sends back. */
const opaque = new Set(['data']);

function knownProperties(object: AdaptiveCards.SerializableObject): Map<string, AdaptiveCards.Version> {
  const schema = object.getSchema();
  const known = new Map<string, AdaptiveCards.Version>();
  for (let i = 0; i < schema.getCount(); i++) {
    const p = schema.getItemAt(i);
    known.set(p.name, p.targetVersion);
  }
  return known;
}

function instanceFor(json: Json): AdaptiveCards.SerializableObject | undefined {
  const type = String(json.type ?? '');
  if (type === 'AdaptiveCard') return new ac.AdaptiveCard();
  const registry = type.startsWith('Action.') ? ac.GlobalRegistry.actions : ac.GlobalRegistry.elements;
  return registry.createInstance(type, target);
}

/** Every key of the card's JSON, at every depth, must be a property the parser knows at version 1.5. */
function checkKeys(json: Json, path: string, object: AdaptiveCards.SerializableObject | undefined, problems: string[]) {
  if (!object) {
    problems.push(`${path}: unknown type ${JSON.stringify(json.type)}`);
    return;
  }
  const known = knownProperties(object);
  for (const [key, value] of Object.entries(json)) {
    const at = `${path}.${key}`;
    const since = known.get(key);
    const extension = path === 'card' ? teamsExtension[key as keyof typeof teamsExtension] : undefined;
    if (extension) {
      if (!extension(value)) problems.push(`${at}: not a value Teams documents (${JSON.stringify(value)})`);
      continue;
    }
    const list = lists[String(json.type)]?.includes(key);
    if (!since && !everywhere.has(key) && !list) problems.push(`${at}: not a property of ${String(json.type ?? path)}`);
    else if (since && since.compareTo(target) > 0) problems.push(`${at}: needs Adaptive Cards ${since.toString()}`);
    if (opaque.has(key) || typeof value !== 'object' || value === null) continue;
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      if (typeof item !== 'object' || item === null) return;
      const itemPath = Array.isArray(value) ? `${at}[${i}]` : at;
      const child = children[key];
      checkKeys(item as Json, itemPath, child ? child() : instanceFor(item as Json), problems);
    });
  }
}

/** An action's fallback is parsed only by clients that need it: parse it on its own, as they would. */
function fallbacks(json: unknown, path: string): { path: string; action: Json }[] {
  if (typeof json !== 'object' || json === null) return [];
  const found: { path: string; action: Json }[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === 'data') continue;
    if (key === 'fallback' && typeof value === 'object' && value !== null)
      found.push({ path: `${path}.fallback`, action: value as Json });
    found.push(...fallbacks(value, Array.isArray(json) ? `${path}[${key}]` : `${path}.${key}`));
  }
  return found;
}

function parseEvents(json: Json, path: string): string[] {
  const context = new ac.SerializationContext(target);
  const card = new ac.AdaptiveCard();
  card.hostConfig = teamsHost;
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`${path}: ${context.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`${path}: ${e.message}`);
  return problems;
}

/**
 * What a Teams client would refuse or silently drop in a card, as far as the Adaptive Cards parser can tell:
 * its parse and validation events at version 1.5 (unknown or later elements and actions, bad values,
 * duplicate ids, too many actions), and any key it does not know for that element at 1.5. Empty when clean.
 */
export function cardProblems(card: unknown): string[] {
  const json = JSON.parse(JSON.stringify(card)) as Json;
  const problems = parseEvents(json, 'card');
  if (json.version !== target.toString()) problems.push(`card.version: ${JSON.stringify(json.version)}, not 1.5`);
  checkKeys(json, 'card', instanceFor(json), problems);
  for (const { path, action } of fallbacks(json, 'card')) {
    const alone = {
      type: 'AdaptiveCard',
      version: target.toString(),
      body: [{ type: 'ActionSet', actions: [action] }],
    };
    problems.push(...parseEvents(alone, path));
  }
  return problems;
}
