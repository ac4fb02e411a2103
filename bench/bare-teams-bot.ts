/**
 * The baseline for `bench/teams-throughput.ts`: the least a CloudAdapter bot can do with a message, namely
 * take the activity and send one fixed reply to its serviceUrl. Like the desk with
 * TEAMS_ALLOW_UNAUTHENTICATED=true, it has no app id, so the SDK checks no token and sends none. It prints
 * its URL when it listens.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Response as BotResponse, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

async function activityOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

const server = createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.writeHead(404).end();
    return;
  }
  const body = await activityOf(req);
  // The SDK writes its answer through this small interface rather than Node's response.
  const response: BotResponse = {
    socket: res.socket,
    status: (code) => {
      res.statusCode = code;
    },
    header: (name, value) => void res.setHeader(name, String(value)),
    send: (payload) => {
      if (payload !== undefined) res.write(typeof payload === 'string' ? payload : JSON.stringify(payload));
    },
    end: () => void res.end(),
  };
  await adapter.process({ body, headers: req.headers, method: 'POST' }, response, async (context) => {
    if (context.activity.type === 'message') await context.sendActivity('Thanks, we got your question.');
  });
  if (!res.writableEnded) res.end();
});

server.listen(0, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
