import type { Role } from './roles.ts';
import type { Tier } from './tiers.ts';

/** A person as the desk knows them: one platform identity, a display name, and their part in the desk. */
export interface Person {
  id: number;
  platform: string;
  workspace: string;
  userId: string;
  displayName: string;
  role: Role;
  /** For agents: the tier whose queue they work. */
  tier: Tier | null;
  createdAt: Date;
}
