/**
 * A recording fake of the Bot Connector REST API (v3 conversations) on node:http. Inbound activities carry
 * its address as `serviceUrl`, so botbuilder's own ConnectorClient sends replies, proactive messages and
 * updates here. Routes and shapes follow the Bot Connector API reference.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  kind: 'send' | 'reply' | 'update' | 'create';
  conversationId: string;
  activityId?: string;
  replyToId?: string;
  activity: Record<string, unknown>;
  authorization?: string;
}

type CallKind = ConnectorCall['kind'];

/** Which calls a failure answers: by kind and conversation (either left out matches any). */
export interface FailureMatch {
  kind?: CallKind | 'member';
  conversationId?: string;
  /** The connector's error code in the body (`ConversationBlockedByUser`); `Throttled` by default. */
  code?: string;
}

/** A call the fake refused as told: what it was, and the status it got. */
export interface RefusedCall {
  kind: CallKind | 'member';
  conversationId: string;
  status: number;
}

export interface BotConnectorFake {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Members the fake knows, by Bot Framework id (`29:…`): what a member lookup answers. */
  members: Map<string, { id: string; name: string; aadObjectId: string }>;
  /** Calls answered with a failure by `failNext`, oldest first. */
  refused: RefusedCall[];
  /**
   * Makes the next `times` calls (those `match` names, or any) answer with an HTTP status and the
   * connector's error body: 429 throttling, 403 `ConversationBlockedByUser`. A new failure replaces the last.
   */
  failNext(status: number, times?: number, match?: FailureMatch): void;
  /**
   * Holds the calls `match` names until released, as a slow connector would: `reached` resolves when the
   * first one is waiting.
   */
  hold(match: Omit<FailureMatch, 'code'>): { reached: Promise<void>; release(): void };
  close(): Promise<void>;
}

export interface BotConnectorFakeOptions {
  /** Told of each recorded call as it arrives, so a bench can time replies without polling `calls`. */
  onCall?(call: ConnectorCall): void;
}

export async function startBotConnectorFake(options: BotConnectorFakeOptions = {}): Promise<BotConnectorFake> {
  const calls: ConnectorCall[] = [];
  const record = (call: ConnectorCall) => {
    calls.push(call);
    options.onCall?.(call);
  };
  const members: BotConnectorFake['members'] = new Map();
  const refused: RefusedCall[] = [];
  let failure: { status: number; times: number; match: FailureMatch } = { status: 0, times: 0, match: {} };
  let sequence = 0;
  const holds: { match: Omit<FailureMatch, 'code'>; arrived(): void; released: Promise<void> }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const activity = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent); // v3, conversations, id, activities, id?
    const kind: CallKind | 'member' =
      parts.length === 2
        ? 'create'
        : parts[3] === 'members'
          ? 'member'
          : req.method === 'PUT'
            ? 'update'
            : parts[4]
              ? 'reply'
              : 'send';
    const matching = (m: Omit<FailureMatch, 'code'>) =>
      (m.kind === undefined || m.kind === kind) &&
      (m.conversationId === undefined || m.conversationId === (parts[2] ?? ''));
    for (const held of holds.filter((h) => matching(h.match))) {
      held.arrived();
      await held.released;
    }
    const { match } = failure;
    if (failure.times > 0 && matching(match)) {
      failure.times -= 1;
      refused.push({ kind, conversationId: parts[2] ?? '', status: failure.status });
      return send(failure.status, { error: { code: match.code ?? 'Throttled', message: 'fake failure' } });
    }
    const authorization = req.headers.authorization;
    const base = { activity, ...(authorization ? { authorization } : {}) };
    if (req.method === 'POST' && parts.length === 2 && parts[1] === 'conversations') {
      const id = `conv-${++sequence}`;
      record({ kind: 'create', conversationId: id, ...base });
      return send(200, { id, activityId: `act-${++sequence}` });
    }
    const conversationId = parts[2] ?? '';
    // GET v3/conversations/{conversationId}/members/{memberId}: one member, with their Entra object id.
    if (req.method === 'GET' && parts[3] === 'members' && parts[4]) {
      const member = members.get(parts[4]);
      if (!member) return send(404, { error: { code: 'MemberNotFoundInConversation', message: parts[4] } });
      return send(200, { ...member, userRole: 'user' });
    }
    if (parts[3] !== 'activities') return send(404, { error: { code: 'NotFound', message: path } });
    if (req.method === 'POST') {
      const id = `act-${++sequence}`;
      const replyToId = parts[4];
      record({
        kind: replyToId ? 'reply' : 'send',
        conversationId,
        activityId: id,
        ...(replyToId ? { replyToId } : {}),
        ...base,
      });
      return send(200, { id });
    }
    if (req.method === 'PUT') {
      record({ kind: 'update', conversationId, activityId: parts[4], ...base });
      return send(200, { id: parts[4] });
    }
    send(405, { error: { code: 'MethodNotAllowed', message: String(req.method) } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    members,
    refused,
    failNext(status, times = 1, match = {}) {
      failure = { status, times, match };
    },
    hold(match) {
      let arrived = () => {};
      const reached = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      const held = { match, arrived, released };
      holds.push(held);
      return {
        reached,
        release() {
          holds.splice(holds.indexOf(held), 1);
          release();
        },
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a person reads of a call: the activity's summary (a card's) or its text. */
export const connectorText = (c: ConnectorCall | undefined) => String(c?.activity.summary ?? c?.activity.text ?? '');
