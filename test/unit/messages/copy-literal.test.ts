import { describe, expect, it } from 'vitest';
import { deskCopy } from '../../../src/messages/desk-copy.ts';
import { ticketCopy } from '../../../src/messages/ticket-copy.ts';

const name = '[Verify your account](https://evil.example/login)';
/** A link a renderer would make live: "[label](url)" with nothing between the two halves. */
const liveLink = /\]\(https?:/;

describe('names and subjects people chose, in the desk’s own sentences', () => {
  it('never become live links for the help desk', () => {
    for (const sentence of [
      deskCopy.staff.added(name, 'admin'),
      deskCopy.staff.removed(name),
      deskCopy.draftWritten('T-1', 'drafts/x.md', name),
      ticketCopy.done({ kind: 'assign', to: name }, 'T-1'),
      ticketCopy.refusal({ code: 'already_claimed', by: name }, 'T-1'),
      ticketCopy.refusal({ code: 'assignee_not_staff', name }, 'T-1'),
    ]) {
      expect(sentence).toContain('Verify your account');
      expect(sentence).not.toMatch(liveLink);
    }
  });
});
