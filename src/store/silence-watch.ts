import net from 'node:net';

/**
 * A database that goes silent (a network partition, a failover that leaves the old address dropping every
 * packet) is not one that restarts: nothing closes the connections, and a query written to one waits for
 * the kernel to give up on it, about 15 minutes later, while its person waits for an answer. So the desk's
 * own connections are watched: one that has written and heard nothing back for `stallMs` sets off a probe
 * of the server (a new connection asking whether it speaks TLS, which Postgres answers with one byte and
 * does not log). When the probe gets no answer either, every watched connection to that server is dead the
 * same way: each is closed with ETIMEDOUT, its queries fail as "database unreachable" (the person hears
 * "try again in a moment"), and new connections fail the same at once until a probe is answered again.
 *
 * A slow query the server is still working on is left alone: the probe is answered. Bytes are counted on
 * the TCP socket itself, so TLS connections are watched the same.
 */
export interface SilenceWatch {
  /** postgres.js' `socket` option: a connected socket to the server, watched while it is open. */
  socket(options: { host: readonly string[]; port: readonly number[]; path?: string | false }): net.Socket;
  /** Whether the server is known to be away: the pool then tries again at once, failing at once. */
  away(): boolean;
  stop(): void;
}

interface Watched {
  socket: net.Socket;
  read: number;
  /** Bytes written at the last tick. */
  written: number;
  /** Bytes it had written when it was last heard from, as far as ticks can tell. */
  answered: number;
  /** Since when it has waited for an answer to something it wrote. */
  waitingSince: number | undefined;
}

/** Postgres' SSLRequest: the server answers `S` or `N` before any authentication. */
const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/** Whether the server at host:port answers at all within `ms`. */
export function probe(host: string, port: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (answered: boolean) => {
      clearTimeout(timer);
      s.destroy();
      resolve(answered);
    };
    const timer = setTimeout(() => done(false), ms);
    s.once('connect', () => s.write(sslRequest));
    s.once('data', () => done(true));
    s.once('error', () => done(false));
    s.once('close', () => done(false));
  });
}

/** One watch per pool, and a pool reaches one server (open-store.ts watches only such pools). */
export function watchForSilence(o: { stallMs: number; probeMs: number; tickMs?: number }): SilenceWatch {
  const watched = new Set<Watched>();
  let probing = false;
  /**
   * Set while the server is known away (silent, or refusing connections): a new connection fails at once
   * rather than after connect_timeout, and every tick probes for the server's return. postgres.js gives
   * each connection attempt one queued query; under load, queries queued behind 2 s attempts spaced by the
   * reconnect backoff waited far longer than a person would (npm run bench:faults db-partitions).
   */
  let away: { host: string; port: number; error: Error } | undefined;

  const stalledSocket = (now: number) => {
    let stalled: net.Socket | undefined;
    for (const w of watched) {
      const { bytesRead, bytesWritten } = w.socket;
      // Heard from since the last tick: what it had written by then is answered. What it wrote since may
      // have been written before or after the answer came (a busy connection reads and writes in every
      // tick), so it is not counted as answered yet: a connection that then goes quiet is probed once.
      if (bytesRead !== w.read) {
        w.read = bytesRead;
        w.answered = w.written;
      }
      w.written = bytesWritten;
      if (bytesWritten > w.answered) w.waitingSince ??= now;
      else w.waitingSince = undefined;
      if (w.waitingSince !== undefined && now - w.waitingSince >= o.stallMs) stalled = w.socket;
    }
    return stalled;
  };

  const check = async () => {
    if (away) {
      if (await probe(away.host, away.port, o.probeMs)) away = undefined;
      return;
    }
    const stalled = stalledSocket(Date.now());
    const { remoteAddress: host, remotePort: port } = stalled ?? {};
    if (!host || !port) return;
    if (await probe(host, port, o.probeMs)) {
      // The server is there: what was written has been answered or is being worked on.
      for (const w of watched) {
        w.answered = w.socket.bytesWritten;
        w.waitingSince = undefined;
      }
      return;
    }
    const error = Object.assign(new Error(`the database at ${host}:${port} stopped answering`), { code: 'ETIMEDOUT' });
    away = { host, port, error };
    for (const w of watched) w.socket.destroy(error);
  };
  const timer = setInterval(() => {
    if (probing) return;
    probing = true;
    void check().finally(() => {
      probing = false;
    });
  }, o.tickMs ?? 250);
  timer.unref();

  return {
    socket({ host, port, path }) {
      // A unix socket (a host that is a folder) is a server on this machine: nothing to partition.
      if (path) return net.connect(path);
      if (away) {
        // Fails once postgres.js has its listeners on it (it awaits this function first, so not in a
        // nextTick, which runs before that); its first write then finds it closed.
        const socket = new net.Socket();
        const { error } = away;
        setImmediate(() => socket.destroy(error));
        return socket;
      }
      const to = { host: host[0] ?? 'localhost', port: port[0] ?? 5432 };
      const socket = net.connect(to);
      const w: Watched = { socket, read: 0, written: 0, answered: 0, waitingSince: undefined };
      watched.add(w);
      socket.once('close', () => watched.delete(w));
      socket.once('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED') away ??= { ...to, error: err };
      });
      return socket;
    },
    away: () => away !== undefined,
    stop: () => clearInterval(timer),
  };
}
