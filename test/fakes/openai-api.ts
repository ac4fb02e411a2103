/**
 * A recording fake of the OpenAI Chat Completions and Embeddings APIs on node:http. The real `openai` client talks to it
 * through `OPENAI_BASE_URL`, so the request is built, sent and its answer parsed by the SDK's own code.
 * Response shapes follow platform.openai.com/docs/api-reference/chat (trimmed to what the client reads).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OpenAiRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The raw body as sent, so tests can check exactly what left the desk. */
  raw: string;
  body: ChatRequestBody;
}

export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  [key: string]: unknown;
}

/** What the model "writes", given the request: JSON is sent as the message content, a string as it is. */
export type Reply = (request: OpenAiRequest) => unknown;

export type Behaviour = { kind: 'answer'; reply: Reply } | { kind: 'fail'; status: number } | { kind: 'hang' };

/** How `/embeddings` answers: `vector` gives each input text its vector, so a test decides what is alike. */
export type EmbeddingBehaviour =
  | { kind: 'vectors'; vector: (input: string) => number[] }
  | { kind: 'fail'; status: number }
  | { kind: 'hang' };

export interface OpenAiApiFake {
  /** For `OPENAI_BASE_URL`, ending in `/v1`. */
  baseUrl: string;
  requests: OpenAiRequest[];
  /** How every following request is answered (until told otherwise). */
  behave(next: Behaviour): void;
  /** How every following embeddings request is answered (failing with 500 until told). */
  embedWith(next: EmbeddingBehaviour): void;
  close(): Promise<void>;
}

/** Every text sent for embedding, in the order the requests arrived. */
export function embeddedTexts(requests: readonly OpenAiRequest[]): string[] {
  return requests
    .filter((r) => r.path === '/v1/embeddings')
    .flatMap((r) => {
      const input = r.body.input;
      return typeof input === 'string' ? [input] : Array.isArray(input) ? input.map(String) : [];
    });
}

/** The JSON the user message carried: the desk sends `{ question, articles }`. */
export function sentPayload(request: OpenAiRequest | undefined): {
  question?: string;
  articles?: { id: string; title: string; body: string }[];
} {
  const user = request?.body.messages?.find((m) => m.role === 'user');
  return user ? JSON.parse(user.content) : {};
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startOpenAiApiFake(): Promise<OpenAiApiFake> {
  const requests: OpenAiRequest[] = [];
  let behaviour: Behaviour = { kind: 'fail', status: 500 };
  let embedding: EmbeddingBehaviour = { kind: 'fail', status: 500 };
  let completions = 0;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const request: OpenAiRequest = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://fake').pathname,
      headers: req.headers,
      raw,
      body: raw ? (JSON.parse(raw) as ChatRequestBody) : {},
    };
    requests.push(request);
    if (request.method === 'POST' && request.path === '/v1/embeddings')
      return answerEmbeddings(res, request, embedding);
    if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
      return send(res, 404, { error: { message: 'unknown endpoint', type: 'invalid_request_error' } });
    }
    switch (behaviour.kind) {
      case 'hang':
        return; // never answers: the client's time limit has to end it
      case 'fail':
        return send(res, behaviour.status, { error: { message: 'fake failure', type: 'server_error' } });
      case 'answer': {
        const reply = behaviour.reply(request);
        completions += 1;
        return send(res, 200, {
          id: `chatcmpl-fake${completions}`,
          object: 'chat.completion',
          created: 1_700_000_000 + completions,
          model: request.body.model ?? 'fake',
          choices: [
            {
              index: 0,
              message: {
                role: 'assistant',
                content: typeof reply === 'string' ? reply : JSON.stringify(reply),
                refusal: null,
              },
              finish_reason: 'stop',
              logprobs: null,
            },
          ],
          usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
        });
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    behave(next) {
      behaviour = next;
    },
    embedWith(next) {
      embedding = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Shapes from platform.openai.com/docs/api-reference/embeddings; base64 is what the SDK asks for by default. */
function answerEmbeddings(res: ServerResponse, request: OpenAiRequest, behaviour: EmbeddingBehaviour) {
  switch (behaviour.kind) {
    case 'hang':
      return;
    case 'fail':
      return send(res, behaviour.status, { error: { message: 'fake failure', type: 'server_error' } });
    case 'vectors': {
      const base64 = request.body.encoding_format !== 'float';
      const data = embeddedTexts([request]).map((input, index) => {
        const vector = behaviour.vector(input);
        return {
          object: 'embedding',
          index,
          embedding: base64 ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector,
        };
      });
      return send(res, 200, {
        object: 'list',
        data,
        model: request.body.model ?? 'fake',
        usage: { prompt_tokens: data.length * 10, total_tokens: data.length * 10 },
      });
    }
  }
}
