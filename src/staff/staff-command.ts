import { words } from '../commands/arguments.ts';
import { defineCommand } from '../commands/feature.ts';
import { deskCopy } from '../messages/desk-copy.ts';
import { ticketCopy } from '../messages/ticket-copy.ts';
import { parsePerson } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import { type StaffRole, staffRoles } from '../model/roles.ts';
import { isTier } from '../model/tiers.ts';
import { findPerson, listStaff, setRole } from '../store/people.ts';

type StaffCommand =
  | { name: 'staff'; action: 'add'; person: string; role: StaffRole }
  | { name: 'staff'; action: 'remove'; person: string }
  | { name: 'staff'; action: 'list' };

const c = deskCopy.staff;
const roleLabel = (p: Person) => c.roleLabel(p.role, p.tier);

function parseStaff(args: string): StaffCommand | undefined {
  const [action = '', person = '', role = '', ...extra] = words(args);
  if (extra.length > 0) return undefined;
  if (action === 'list' && !person) return { name: 'staff', action: 'list' };
  if (action === 'remove' && person && !role) return { name: 'staff', action: 'remove', person };
  const r = role.toLowerCase() as StaffRole;
  if (action === 'add' && person && staffRoles.includes(r)) return { name: 'staff', action: 'add', person, role: r };
  return undefined;
}

/** Admins manage who is on the help desk. */
export const staffCommand = defineCommand<StaffCommand>({
  name: 'staff',
  usage:
    '`staff add @person tier1|tier2|tier3|vendor|lead|admin`, `staff remove @person`, `staff list` — manage the help desk (admins)',
  audience: 'admins',
  refusal: { log: 'staff command refused', text: { admins: c.refused } },
  // "staff list of holidays?" is a question: only an exact staff command counts, or one given with nothing.
  parse: (args, explicit) => parseStaff(args) ?? (explicit || args === '' ? { usage: 'bad_arguments' } : undefined),
  async run(ctx, person, _place, command) {
    if (command.action === 'list') {
      const staff = await listStaff(ctx.db);
      const lines = staff.map((p) => `- ${c.member(p)} — ${roleLabel(p)}`);
      return { text: [c.heading, ...lines].join('\n') };
    }
    const ref = parsePerson(command.person, person);
    if (!ref) return { text: ticketCopy.personNotFound(command.person, person.platform) };
    if (command.action === 'remove') {
      const existing = await findPerson(ctx.db, ref);
      if (!existing || existing.role === 'requester') return { text: c.notOnDesk(command.person) };
      if (existing.id === person.id) return { text: c.cannotRemoveSelf };
      await setRole(ctx.db, ref, 'requester', null);
      ctx.log.info('staff removed', { by: person.id, person: existing.id });
      return { text: c.removed(existing.displayName) };
    }
    const tier = isTier(command.role) ? command.role : null;
    const updated = await setRole(ctx.db, ref, tier ? 'agent' : (command.role as 'lead' | 'admin'), tier);
    ctx.log.info('staff added', { by: person.id, person: updated.id, role: updated.role, tier: updated.tier });
    return { text: c.added(updated.displayName, roleLabel(updated)) };
  },
});
