import { parseInput as parseWith } from '../../src/commands/parse-input.ts';
import { createRegistry } from '../../src/commands/registry.ts';
import { deskFeatures } from '../../src/features.ts';
import { createMemoryLogger } from '../../src/log.ts';
import { createLinkSigner } from '../../src/signed-link.ts';

/** The features the desk ships with, and their registry, as start-up builds them. */
export const shippedFeatures = deskFeatures({
  decision: { maxWrongRate: 0.1, answerThreshold: 0.85, thresholdFixed: false },
  slaSweepCron: '* * * * *',
  calibrationCron: '0 4 * * 1',
  timers: { autoCloseDays: 3, staleAfterHours: 24 },
  log: createMemoryLogger(),
  digests: { cron: '0 9 * * 1', places: [], timeZone: 'Europe/London', links: createLinkSigner(Buffer.alloc(32)) },
  links: createLinkSigner(Buffer.alloc(32, 7)),
});
export const shippedRegistry = createRegistry(shippedFeatures);

/** The shared parser over the shipped commands. */
export const parseInput = (text: string, options: { explicit: boolean }) => parseWith(text, options, shippedRegistry);

/** A clicked button as the shipped actions read it: its id and what its value says. */
export function parseAction(actionId: string, value: string) {
  const read = shippedRegistry.readAction(actionId, value);
  return { id: read.spec.id, ...read.value };
}
