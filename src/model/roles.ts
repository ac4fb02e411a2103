import type { Tier } from './tiers.ts';

/** Everyone is a requester; agents work one tier; leads and admins oversee the whole desk. */
export const roles = ['requester', 'agent', 'lead', 'admin'] as const;
export type Role = (typeof roles)[number];

/** What `staff add` gives: an agent's tier, or a desk-wide role. */
export type StaffRole = Tier | 'lead' | 'admin';
export const staffRoles: readonly StaffRole[] = ['tier1', 'tier2', 'tier3', 'vendor', 'lead', 'admin'];

export const isStaff = (a: { role: Role }) => a.role !== 'requester';
/** Leads and admins oversee the whole desk: every tier, the queues, and what the knowledge base learns. */
export const oversees = (a: { role: Role }) => a.role === 'lead' || a.role === 'admin';
