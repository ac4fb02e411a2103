import { connect } from 'node:net';

export interface RawExchange {
  /** What the server sent back, as text (status line, headers, body). */
  response: string;
  /** Whether the server closed the connection (rather than the test giving up on it). */
  closedByServer: boolean;
}

/**
 * Writes `request` as raw bytes to the server behind `url` and keeps the connection open without sending
 * anything more, the way a stalled or hostile client would, until the server answers and hangs up (or
 * `giveUpMs` passes). For what fetch cannot do: headers promising a body that never comes, half a header.
 */
export function rawExchange(url: string, request: string, giveUpMs = 25_000): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    let response = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ response, closedByServer: false });
    }, giveUpMs);
    socket.on('data', (d) => {
      response += d.toString('utf8');
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      if (response) resolve({ response, closedByServer: true });
      else reject(err);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ response, closedByServer: true });
    });
    socket.write(request);
  });
}

export const statusOf = (exchange: RawExchange) => Number(/^HTTP\/1\.1 (\d{3})/.exec(exchange.response)?.[1] ?? 0);
