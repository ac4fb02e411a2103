import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { parseAction } from '../../support/shipped-registry.ts';

const id = '3782d925-3e9a-4d49-a261-41cf8ebf8b59';

describe('parseAction', () => {
  it('reads feedback and hand-off actions carrying an interaction id', () => {
    expect(parseAction('helpful', id)).toEqual({ id: 'helpful', interactionId: id });
    expect(parseAction('not_helpful', id)).toEqual({ id: 'not_helpful', interactionId: id });
    expect(parseAction('talk_to_human', id)).toEqual({ id: 'talk_to_human', interactionId: id });
  });

  it('reads a pick as interaction and article', () => {
    expect(parseAction('pick_article', `${id}:vpn-connect`)).toEqual({
      id: 'pick_article',
      interactionId: id,
      articleId: 'vpn-connect',
    });
    // File names are article ids, and people name files with spaces, accents and "&".
    expect(parseAction('pick_article', `${id}:VPN & Wi-Fi café`)).toMatchObject({ articleId: 'VPN & Wi-Fi café' });
  });

  it('reads queue-card buttons: claim a ticket, or a prompt for a command that needs words', () => {
    expect(parseAction('claim_ticket', '42')).toEqual({ id: 'claim_ticket', ticketId: 42 });
    expect(parseAction('ticket_prompt', 'escalate:42')).toEqual({
      id: 'ticket_prompt',
      command: 'escalate',
      ticketId: 42,
    });
    expect(() => parseAction('claim_ticket', 'T-42')).toThrow(InputError);
    expect(() => parseAction('ticket_prompt', 'delete:42')).toThrow(InputError);
  });

  it('refuses unknown ids and malformed values as input errors', () => {
    expect(() => parseAction('drop_tables', id)).toThrow(InputError);
    expect(() => parseAction('helpful', 'T-1')).toThrow(InputError);
    expect(() => parseAction('pick_article', id)).toThrow(InputError);
    expect(() => parseAction('pick_article', `${id}:../../etc/passwd`)).toThrow(InputError);
    expect(() => parseAction('pick_article', `${id}:vpn\u0000`)).toThrow(InputError);
  });
});
