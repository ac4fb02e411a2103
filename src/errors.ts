import { randomBytes } from 'node:crypto';

/** Outside input that cannot be used (bad JSON, an unknown action, a malformed value). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Start-up configuration that cannot run; `problems` names every bad key. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** A short reference a person can quote to support and an operator can grep in the logs. */
export function newErrorReference(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}
