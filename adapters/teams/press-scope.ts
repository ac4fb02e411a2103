import { AsyncLocalStorage } from 'node:async_hooks';
import type { Message } from '../../src/messages/message.ts';

/**
 * A card press being handled. Teams waits for the invoke's answer (and retries the press when it is slow),
 * so while the desk works on a press the outbox makes one try at each post instead of backing off (what it
 * could not send is kept by the desk's outbox and tried again later), and an edit of the pressed card itself
 * is noted, to be the invoke's answer.
 */
interface Press {
  postedId: string;
  redrawn?: Message;
}

const presses = new AsyncLocalStorage<Press>();

export async function duringPress<T>(
  postedId: string,
  run: () => Promise<T>,
): Promise<{ result: T; redrawn?: Message }> {
  const press: Press = { postedId };
  const result = await presses.run(press, run);
  return press.redrawn ? { result, redrawn: press.redrawn } : { result };
}

export const inPress = (): boolean => presses.getStore() !== undefined;

/** The outbox edited a posted card: when it is the one being pressed, that drawing answers the press. */
export function noteRedraw(postedId: string, message: Message): void {
  const press = presses.getStore();
  if (press?.postedId === postedId) press.redrawn = message;
}
