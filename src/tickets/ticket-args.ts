import { slipOrQuestion, ticketAndRest } from '../commands/arguments.ts';
import type { ParsedArgs } from '../commands/feature.ts';

/**
 * The parse of a command about one ticket, `<command> T-n …`, with the rest read by `read`. When it does not
 * fit, a ticket number, a slash or nothing at all marks a slip; otherwise the text was a question ("reply all
 * is broken").
 */
export const ticketArgs =
  <C>(read: (ticketId: number, rest: string) => C | undefined) =>
  (args: string, explicit: boolean): ParsedArgs<C> => {
    const t = ticketAndRest(args);
    const command = t ? read(t.ticketId, t.rest) : undefined;
    return command ?? slipOrQuestion(explicit || t !== undefined || args === '');
  };
