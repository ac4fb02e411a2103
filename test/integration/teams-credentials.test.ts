import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactions } from '../../src/store/schema.ts';
import { createTestAuthority } from '../fakes/test-certificates.ts';
import {
  messageActivity,
  personalConversation,
  teamInstalledActivity,
  teamsTenant,
  userIdOf,
} from '../fixtures/teams-activities.ts';
import { startTeamsTestApp, type TeamsTestApp } from '../support/teams-app.ts';

const tier1 = '19:it-tier1@thread.tacv2';
const ann = { name: 'Ann' };
const alice = { name: 'Alice' };
const errors = (teams: TeamsTestApp) => teams.app.log.lines.filter((l) => l.level === 'error');

describe('Teams with credentials: replies and posts carry a token from the login authority', () => {
  let teams: TeamsTestApp;
  let n = 0;
  const say = (user: { name: string }, text: string) =>
    teams.send(messageActivity({ user, text, id: `cred-${++n}`, serviceUrl: teams.connector.serviceUrl }));
  const bearer = () => `Bearer ${teams.auth?.login.accessToken}`;

  beforeAll(async () => {
    teams = await startTeamsTestApp(
      { QUEUE_TIER1: `teams:${tier1}`, ADMINS: `teams:${teamsTenant}:${userIdOf(ann)}` },
      { credentials: true },
    );
    await teams.send(
      teamInstalledActivity({
        user: ann,
        id: 'install-tier1',
        serviceUrl: teams.connector.serviceUrl,
        channel: tier1,
        teamName: 'IT Tier 1',
      }),
    );
  });
  afterAll(() => teams.close());

  it('answers a correctly signed message with a reply sent with the bot token', async () => {
    const before = teams.connector.calls.length;
    const res = await say(alice, 'how do I reset my password?');
    expect(res.status).toBe(200);
    const [reply] = teams.connector.calls.slice(before);
    expect(reply).toMatchObject({
      kind: 'reply',
      conversationId: personalConversation(alice),
      authorization: bearer(),
    });
    expect(String(reply?.activity.summary)).toContain('Reset a forgotten password');
  });

  it('gets the token with the client-credentials grant for the Bot Framework, and asks the authority nothing else', () => {
    const login = teams.auth?.login;
    expect(login?.requests.length).toBeGreaterThan(0);
    for (const request of login?.requests ?? []) {
      expect(request).toMatchObject({
        method: 'POST',
        path: `/${teamsTenant}/oauth2/v2.0/token`,
        form: {
          grant_type: 'client_credentials',
          client_id: teams.auth?.appId,
          scope: 'https://api.botframework.com/.default',
        },
      });
    }
  });

  it('posts a queue card in a Teams channel and updates it and the requester, all with the bot token', async () => {
    const before = teams.connector.calls.length;
    const opened = await say(alice, 'ticket Printer on fire');
    expect(opened.status).toBe(200);
    const ref = /T-\d+/.exec(JSON.stringify(teams.connector.calls.slice(before)))?.[0];
    await say(ann, `claim ${ref}`);
    const calls = teams.connector.calls.slice(before);
    // The card in the queue's channel, then, on the claim, its edit and the requester's status card.
    expect(calls.filter((c) => c.conversationId === tier1).map((c) => c.kind)).toEqual(['send', 'update']);
    expect(calls.filter((c) => c.kind === 'update' && c.conversationId === personalConversation(alice))).toHaveLength(
      1,
    );
    expect(String(calls.find((c) => c.kind === 'update' && c.conversationId === tier1)?.activity.summary)).toMatch(
      new RegExp(`${ref} from Alice: Printer on fire \\(In progress, .*Ann\\)`),
    );
    expect(calls.map((c) => c.authorization)).toEqual(calls.map(() => bearer()));
  });

  it('posts proactively outside any turn with the bot token', async () => {
    const before = teams.connector.calls.length;
    await teams.app.outboxes.teams?.dm(
      { platform: 'teams', workspace: teamsTenant, userId: userIdOf(alice) },
      { text: 'Your ticket T-1 was updated.' },
    );
    expect(teams.connector.calls.slice(before)).toEqual([
      expect.objectContaining({ kind: 'send', conversationId: personalConversation(alice), authorization: bearer() }),
    ]);
  });

  it('asks the login authority once for all of them: the token is kept until shortly before it expires', async () => {
    for (const text of ['how do I set up the VPN?', 'my mailbox is full', 'how do I set up the printer']) {
      await say({ name: 'Bob' }, text);
    }
    expect(teams.connector.calls.length).toBeGreaterThan(8);
    expect(teams.connector.calls.every((c) => c.authorization === bearer())).toBe(true);
    expect(teams.auth?.login.tokenRequests()).toHaveLength(1);
  });

  it("trusts the login authority's CA in its token client only: nothing else in the process does", async () => {
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
    await expect(fetch(`${teams.auth?.login.authority}/oauth2/v2.0/token`, { method: 'POST' })).rejects.toThrow();
  });

  it('logs no error along the way', () => {
    expect(errors(teams)).toEqual([]);
  });
});

describe('Teams with credentials when the login authority fails', () => {
  /** A desk of its own for each case: the token of another desk (another app id) would be used otherwise. */
  const withDesk = async (env: Record<string, string> | undefined, run: (teams: TeamsTestApp) => Promise<void>) => {
    const teams = await startTeamsTestApp(env, { credentials: true });
    try {
      await run(teams);
    } finally {
      await teams.close();
    }
  };
  const message = (teams: TeamsTestApp, id: string, text = 'how do I reset my password?') =>
    teams.send(messageActivity({ user: alice, text, id, serviceUrl: teams.connector.serviceUrl }));

  it('refusing the secret: the reply cannot go out, one error is logged, and the desk serves on', async () => {
    await withDesk(undefined, async (teams) => {
      teams.auth?.login.fail(401, {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.',
      });
      const res = await message(teams, 'refused-1');
      expect(res.status).toBe(200);
      expect(teams.connector.calls).toEqual([]);
      expect(errors(teams)).toEqual([
        expect.objectContaining({
          msg: 'teams turn failed',
          err: expect.objectContaining({ message: expect.stringContaining('AADSTS7000215') }),
        }),
      ]);
      // The message itself was taken in; the next one, once the authority takes the secret, is answered.
      expect(await teams.app.store.db.$count(interactions)).toBe(1);
      teams.auth?.login.recover();
      await message(teams, 'refused-2', 'my mailbox is full');
      expect(teams.connector.calls).toEqual([
        expect.objectContaining({ kind: 'reply', authorization: `Bearer ${teams.auth?.login.accessToken}` }),
      ]);
      expect(errors(teams)).toHaveLength(1);
      expect((await teams.app.get('/healthz')).status).toBe(200);
    });
  });

  it('unavailable (503): the reply cannot go out, one error is logged, and the desk serves on', async () => {
    await withDesk(undefined, async (teams) => {
      teams.auth?.login.fail(503);
      expect((await message(teams, 'down-1')).status).toBe(200);
      expect(teams.connector.calls).toEqual([]);
      expect(errors(teams)).toEqual([expect.objectContaining({ msg: 'teams turn failed' })]);
      // MSAL then holds back further token requests for a while (Retry-After, 60 s without one).
      expect(teams.auth?.login.tokenRequests()).toHaveLength(1);
      expect((await teams.app.get('/healthz')).status).toBe(200);
    });
  });

  const elsewhere = mkdtempSync(join(tmpdir(), 'tierdesk-other-ca-'));
  afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));
  it.each([
    ['without its CA file', () => ''],
    [
      "with another authority's CA",
      () => {
        const file = join(elsewhere, 'ca.pem');
        writeFileSync(file, createTestAuthority('Someone Else').caPem);
        return file;
      },
    ],
  ])('a login authority whose certificate is not trusted %s gets no secret, and one error', async (_case, caFile) => {
    await withDesk({ TEAMS_LOGIN_CA_FILE: caFile() }, async (teams) => {
      expect((await message(teams, 'untrusted-1')).status).toBe(200);
      // The TLS handshake failed: the request carrying the secret was never sent.
      expect(teams.auth?.login.requests).toEqual([]);
      expect(teams.connector.calls).toEqual([]);
      expect(errors(teams)).toEqual([
        expect.objectContaining({
          msg: 'teams turn failed',
          err: expect.objectContaining({ message: expect.stringContaining('network_error') }),
        }),
      ]);
    });
  });
});
