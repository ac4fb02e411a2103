import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The delivery whose handling is running, as `deliveryKey` spells it, for what must happen once per delivery
 * even when a delivery is handled twice: its first handling died with its process after writing (a ticket),
 * and its retry must find that, not write it again. Unset outside an event (scheduled jobs).
 */
const scope = new AsyncLocalStorage<string>();

export const inDelivery = <T>(key: string, work: () => Promise<T>): Promise<T> => scope.run(key, work);

export const currentDelivery = (): string | undefined => scope.getStore();
