import { isStaff, oversees } from '../model/roles.ts';
import type { Audience } from './feature.ts';

/** Whether a person may run a command meant for `audience`. */
export function allows(audience: Audience, person: Parameters<typeof isStaff>[0]): boolean {
  switch (audience) {
    case 'everyone':
      return true;
    case 'staff':
      return isStaff(person);
    case 'overseers':
      return oversees(person);
    case 'admins':
      return person.role === 'admin';
  }
}

/** Help lists the widest audiences first: what most of the help desk uses, then leads' and admins' commands. */
export const audienceRank: Record<Audience, number> = { everyone: 0, staff: 1, overseers: 2, admins: 3 };
