export type Env = Readonly<Record<string, string | undefined>>;

export function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/**
 * Keys that only make sense together (a platform's credentials): all or none. Returns the group's values
 * when complete, nothing when empty, and a problem per missing key when half-filled.
 */
export function group<K extends string>(
  env: Env,
  required: readonly K[],
  problems: string[],
): Record<K, string> | undefined {
  const present = required.filter((k) => nonEmpty(env[k]) !== undefined);
  if (present.length === 0) return undefined;
  const missing = required.filter((k) => !present.includes(k));
  for (const k of missing) problems.push(`${k} is missing (needed together with ${present.join(', ')})`);
  if (missing.length > 0) return undefined;
  return Object.fromEntries(required.map((k) => [k, env[k] as string])) as Record<K, string>;
}

/** Keys that need their group's required keys: each one set without them is a problem naming the fix. */
export function needs(env: Env, optional: readonly string[], what: string, problems: string[]): void {
  for (const k of optional) {
    if (nonEmpty(env[k]) !== undefined) problems.push(`${k} is set but ${what}`);
  }
}
