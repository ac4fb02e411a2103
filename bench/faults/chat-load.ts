/**
 * A steady stream of people using the local chat API: questions, and `ticket <subject>` commands whose
 * subjects carry a unique token, so what was acknowledged can be looked for in the database afterwards.
 * Open loop: requests go out at the set rate whether or not earlier ones were answered, as people do.
 */
export interface ChatRequest {
  kind: 'question' | 'ticket';
  /** Unique per request; a ticket's subject contains it. */
  token: string;
  sentAt: number;
  /** When an HTTP answer came back (any status); unset when none came within the give-up time. */
  answeredAt?: number;
  status?: number;
  /** The reply's text, all messages joined. */
  text?: string;
  /** A ticket the reply said was opened (`T-12` → 12). */
  ticketId?: number;
  /** Why there was no answer (connection refused, gave up). */
  failure?: string;
}

export interface ChatLoad {
  requests: ChatRequest[];
  /** Stops sending and waits for every request still out to finish or give up. */
  stop(): Promise<void>;
}

const questions = [
  'how do I reset my password?',
  'my vpn keeps disconnecting',
  'printer on floor 3 is jammed',
  'how do I set up mfa on a new phone',
  'I need access to the finance share',
];

export const giveUpMs = 15_000;

/** `url()` is read per request: the desk may have been restarted elsewhere. */
export function startChatLoad(url: () => string | undefined, options: { perSecond: number; runId: string }): ChatLoad {
  const requests: ChatRequest[] = [];
  const out = new Set<Promise<void>>();
  let seq = 0;
  const send = () => {
    const n = seq++;
    const kind = n % 4 === 3 ? 'ticket' : 'question';
    const token = `${options.runId}-${n}`;
    const text = kind === 'ticket' ? `ticket printer jammed again ${token}` : questions[n % questions.length];
    const request: ChatRequest = { kind, token, sentAt: Date.now() };
    requests.push(request);
    const pending = ask(url(), { user: `load${n % 12}`, text, id: `fault-${token}` }, request).finally(() =>
      out.delete(pending),
    );
    out.add(pending);
  };
  const timer = setInterval(send, 1000 / options.perSecond);
  return {
    requests,
    async stop() {
      clearInterval(timer);
      await Promise.all([...out]);
    },
  };
}

async function ask(base: string | undefined, body: unknown, request: ChatRequest): Promise<void> {
  if (!base) {
    request.failure = 'desk not running';
    return;
  }
  try {
    const res = await fetch(new URL('/api/local/messages', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(giveUpMs),
    });
    const reply = (await res.json()) as { messages?: { text?: string }[]; error?: string };
    request.answeredAt = Date.now();
    request.status = res.status;
    request.text = reply.messages?.map((m) => m.text ?? '').join('\n') ?? reply.error ?? '';
    const opened = request.kind === 'ticket' && res.ok ? /\bT-(\d+)\b/.exec(request.text) : null;
    if (opened) request.ticketId = Number(opened[1]);
  } catch (err) {
    request.failure = (err as Error).name === 'TimeoutError' ? 'no answer in time' : String((err as Error).message);
  }
}

/** The polite "the database is away" answer, or the generic one, both of which ask to try again. */
export const asksToTryAgain = (r: ChatRequest) => r.status === 200 && /try again in a moment/i.test(r.text ?? '');
