import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange, statusOf } from '../support/raw-http.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** The shared HTTP server under clients that are slow, stalled or promise more than they should. */
describe('the shared HTTP server', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('refuses a declared 10 GB body at once, without waiting for it, and hangs up', async () => {
    const exchange = await rawExchange(
      app.url,
      'POST /api/local/messages HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\n' +
        'content-length: 10737418240\r\n\r\n',
    );
    expect(statusOf(exchange)).toBe(413);
    expect(exchange.response.toLowerCase()).toContain('connection: close');
    expect(exchange.closedByServer).toBe(true);
    // The desk is still there for everyone else.
    expect(await (await app.get('/healthz')).json()).toEqual({ status: 'ok' });
  });

  it('hangs up on a client that never finishes sending its headers', async () => {
    const exchange = await rawExchange(app.url, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nx-slow: ');
    expect(exchange.closedByServer).toBe(true);
    expect(statusOf(exchange)).toBe(408);
  });

  it("does not give a request Node's default five minutes to arrive", () => {
    // Node's defaults are 300 s for the request and 60 s for its headers.
    expect(app.server.requestTimeout).toBeGreaterThan(0);
    expect(app.server.requestTimeout).toBeLessThanOrEqual(30_000);
    expect(app.server.headersTimeout).toBeLessThanOrEqual(15_000);
  });
});
