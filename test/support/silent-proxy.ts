import net from 'node:net';

/**
 * A TCP proxy to a database server that can go silent the way a network partition does: nothing is
 * refused or closed, every byte is dropped. Connections made or silenced during the silence stay silent
 * (what they sent is lost, so they could not carry on); connections made after `speak()` work again.
 */
export interface SilentProxy {
  port: number;
  silence(): void;
  speak(): void;
  close(): Promise<void>;
}

export async function startSilentProxy(target: { host: string; port: number }): Promise<SilentProxy> {
  let silent = false;
  const sockets = new Set<net.Socket>();
  const keep = (s: net.Socket) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  };
  const server = net.createServer((client) => {
    keep(client);
    if (silent) return;
    const upstream = net.connect(target.port, target.host);
    keep(upstream);
    let cut = false;
    client.on('data', (d) => {
      cut ||= silent;
      if (!cut) upstream.write(d);
    });
    upstream.on('data', (d) => {
      cut ||= silent;
      if (!cut) client.write(d);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    silence: () => {
      silent = true;
    },
    speak: () => {
      silent = false;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
