import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type SilenceWatch, watchForSilence } from '../../../src/store/silence-watch.ts';

const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/**
 * A server that never answers a query (as one busy with a long one), answers the watch's probe unless
 * `silent` (a partition drops both), and counts the probes it got.
 */
async function server() {
  const state = { silent: false, probes: 0 };
  const srv = net.createServer((s) => {
    s.on('error', () => {});
    s.on('data', (d) => {
      if (!d.equals(sslRequest)) return;
      state.probes++;
      if (!state.silent) s.write('N');
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  return { port, state, close: () => new Promise((r) => srv.close(r)) };
}

/** Writes a query and reports how the socket ended, or that it is still open after `ms`. */
async function outcome(watch: SilenceWatch, port: number, ms: number) {
  const socket = watch.socket({ host: ['127.0.0.1'], port: [port] });
  const ended = new Promise<string>((resolve) => {
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    socket.on('close', () => resolve('closed'));
  });
  socket.write('select pg_sleep(600)');
  const result = await Promise.race([ended, new Promise<string>((r) => setTimeout(() => r('still open'), ms))]);
  socket.destroy();
  return result;
}

describe('the watch on database connections', () => {
  let watch: SilenceWatch | undefined;
  let close: (() => Promise<unknown>) | undefined;
  afterEach(async () => {
    watch?.stop();
    await close?.();
  });

  it('closes a connection with ETIMEDOUT when neither it nor a probe of its server gets an answer', async () => {
    const db = await server();
    close = db.close;
    db.state.silent = true;
    watch = watchForSilence({ stallMs: 300, probeMs: 200, tickMs: 50 });
    expect(await outcome(watch, db.port, 3000)).toBe('ETIMEDOUT');
    expect(db.state.probes).toBeGreaterThan(0);
  });

  it('leaves a long query alone while its server answers the probe, and probes once for it', async () => {
    const db = await server();
    close = db.close;
    watch = watchForSilence({ stallMs: 300, probeMs: 1000, tickMs: 50 });
    expect(await outcome(watch, db.port, 1500)).toBe('still open');
    expect(db.state.probes).toBe(1);
  });
});
