import type { Feature } from '../commands/feature.ts';
import { queueCommand } from './queue-command.ts';
import { staffCommand } from './staff-command.ts';

/** Running the desk: who is on it (admins), and where each tier's queue is (leads and admins). */
export const staffFeature: Feature = { name: 'staff', commands: [queueCommand, staffCommand] };
