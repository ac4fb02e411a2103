import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.ts';
import { defaultSlaPolicies, type SlaPolicies } from './sla-policy.ts';
import { parseSlaPolicies, SlaPolicyError } from './sla-policy-file.ts';

/** The SLA file's policies, or the built-in ones; a bad file stops start-up as bad configuration does. */
export async function readSlaPolicies(file: string | undefined): Promise<SlaPolicies> {
  if (!file) return defaultSlaPolicies;
  try {
    return parseSlaPolicies(await readFile(file, 'utf8'));
  } catch (err) {
    if (err instanceof SlaPolicyError)
      throw new ConfigError(err.problems.map((p) => `SLA_POLICIES_FILE (${file}): ${p}`));
    throw new ConfigError([`SLA_POLICIES_FILE: cannot read ${file}: ${(err as Error).message}`]);
  }
}
