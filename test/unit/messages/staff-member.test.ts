import { describe, expect, it } from 'vitest';
import { deskCopy } from '../../../src/messages/desk-copy.ts';

const member = deskCopy.staff.member;

describe('a help-desk member as staff list names them', () => {
  it('says their name and platform', () => {
    expect(member({ platform: 'local', workspace: 'local', userId: 'carol', displayName: 'Carol' })).toBe(
      'Carol (local)',
    );
    expect(member({ platform: 'slack', workspace: 'T01', userId: 'U02', displayName: 'Tess Ng' })).toBe(
      'Tess Ng (Slack)',
    );
  });

  it('gives the full id, to type, for someone whose name the platform has not told the desk yet', () => {
    expect(member({ platform: 'teams', workspace: 'tenant', userId: 'aad-1', displayName: 'aad-1' })).toBe(
      'teams:tenant:aad-1 (Teams, name not known yet)',
    );
  });
});
