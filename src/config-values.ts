import { z } from 'zod';

/** The shapes of the desk's settings, each with the message a wrong value gets (config.ts uses them). */
export const place = z
  .string()
  .regex(/^[a-z]+:.+$/, 'must look like platform:address, e.g. local:#it-tier1 or slack:C0123');
export const queue = z.union([z.literal('none'), place]);
export const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
/** A schedule in 5 cron fields (minute resolution), as pg-boss takes it. */
export const cron = z.string().regex(/^(\S+\s+){4}\S+$/, 'must be a 5-field cron expression, e.g. "* * * * *"');
export const confidence = z.coerce.number().min(0).max(1);
/** A secret a client sends as `Authorization: Bearer …`: long enough not to be guessed. */
export const bearerToken = z
  .string()
  .min(24, 'must be at least 24 characters, e.g. from `openssl rand -hex 32`')
  .max(512)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
export const list = (item: z.ZodString) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

/** A share strictly between 0 and 1, such as a rate of wrong answers accepted. */
export const share = z.coerce.number().gt(0).lt(1);
