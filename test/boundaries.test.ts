import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (source: string) =>
  [...source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

/** Every relative import and re-export of a file, and whether it brings only types. */
function edgesOf(source: string): { spec: string; typeOnly: boolean }[] {
  return [...source.matchAll(/^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"](\.[^'"]+)['"]/gms)].map((m) => {
    const names = (m[2] ?? '').trim();
    const allTypes =
      /^\{[^}]*\}$/.test(names) &&
      names
        .replace(/[{}\s]/g, ' ')
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith('type '));
    return { spec: m[3] ?? '', typeOnly: Boolean(m[1]) || allTypes };
  });
}

/** A folder of src/ (`tickets/`) or a file directly in it (`desk.ts`): the units the table speaks of. */
const unitOf = (file: string) => {
  const parts = relative(srcDir, file).split('/');
  return parts.length === 1 ? (parts[0] ?? '') : `${parts[0]}/`;
};

/**
 * Who may import whom inside src/. "(types)" allows type-only imports. The vocabulary (model/), copy
 * (messages/) and the store import no feature; features import the store, messages, commands and each other
 * only as listed here; a new folder or file must be given its line.
 */
const table: Record<string, string[]> = {
  'model/': [],
  'words.ts': [],
  'errors.ts': [],
  'log.ts': ['logged-error.ts'],
  'logged-error.ts': [],
  'clock.ts': [],
  'delivery-scope.ts': [],
  // The port features count and time through (no metrics library behind it here).
  'meter.ts': [],
  'config-groups.ts': [],
  'config-values.ts': [],
  'messages/': ['model/'],
  'inbound.ts': ['model/', 'messages/ (types)'],
  'outbox.ts': ['model/', 'messages/ (types)'],
  'signed-link.ts': [],
  'delivery.ts': [
    'model/',
    'messages/ (types)',
    'outbox.ts',
    'log.ts (types)',
    'meter.ts',
    'clock.ts (types)',
    'store/',
    'delivery-retry.ts',
  ],
  'delivery-retry.ts': [
    'model/ (types)',
    'messages/ (types)',
    'outbox.ts',
    'log.ts (types)',
    'clock.ts (types)',
    'store/',
  ],
  'store/': ['model/', 'messages/ (types)', 'inbound.ts (types)', 'clock.ts (types)', 'jobs/ (types)'],
  // The CoE's reports over HTTP: the JSON routes and the dashboard read digests/ (and the store's drill-down
  // lists, the knowledge base's articles and gap groups) and render its neutral report; the CSV exports read
  // the store page by page; /metrics is the Prometheus side of meter.ts.
  'http/': [
    'errors.ts',
    'log.ts (types)',
    'clock.ts (types)',
    'meter.ts',
    'digests/',
    'messages/',
    'model/',
    'sla/',
    'store/',
    'knowledge/',
    'platform.ts (types)',
    'signed-link.ts (types)',
  ],
  'jobs/': ['log.ts (types)', 'clock.ts (types)'],
  'sla/': ['model/', 'errors.ts'],
  'commands/': ['model/', 'messages/', 'words.ts', 'errors.ts', 'inbound.ts (types)', 'desk-context.ts (types)'],
  'tickets/': [
    'model/',
    'messages/',
    'store/',
    'commands/',
    'sla/',
    'outbox.ts',
    'delivery-scope.ts',
    'desk-context.ts (types)',
  ],
  'knowledge/': [
    'model/',
    'messages/',
    'store/',
    'commands/',
    'tickets/',
    'words.ts',
    'log.ts',
    'clock.ts (types)',
    'desk-context.ts (types)',
    'http/ (types)',
  ],
  'staff/': ['model/', 'messages/', 'store/', 'commands/', 'tickets/', 'outbox.ts', 'desk-context.ts (types)'],
  'sla-monitor/': ['model/', 'messages/', 'store/', 'commands/', 'tickets/', 'desk-context.ts (types)'],
  'outbox-retry/': ['model/', 'messages/', 'store/', 'commands/', 'desk-context.ts (types)'],
  'digests/': [
    'model/',
    'messages/',
    'store/',
    'sla/',
    'commands/',
    'knowledge/',
    'desk-context.ts (types)',
    'signed-link.ts (types)',
  ],
  'surveys/': [
    'model/',
    'messages/',
    'store/',
    'commands/',
    'tickets/',
    'knowledge/',
    'words.ts',
    'outbox.ts',
    'log.ts (types)',
    'desk-context.ts (types)',
  ],
  'desk-context.ts': [
    'clock.ts (types)',
    'commands/ (types)',
    'delivery.ts (types)',
    'knowledge/ (types)',
    'log.ts (types)',
    'meter.ts (types)',
    'model/ (types)',
    'sla/ (types)',
    'store/ (types)',
  ],
  'desk.ts': [
    'commands/',
    'desk-context.ts (types)',
    'errors.ts',
    'inbound.ts',
    'messages/',
    'model/',
    'store/',
    'rate-limit.ts',
    'delivery-scope.ts',
    'log.ts',
  ],
  'rate-limit.ts': [],
  'features.ts': [
    'commands/ (types)',
    'digests/',
    'log.ts (types)',
    'knowledge/',
    'tickets/',
    'staff/',
    'sla-monitor/',
    'outbox-retry/',
    'surveys/',
    'digests/',
    'signed-link.ts (types)',
  ],
  'platform.ts': [
    'config-groups.ts (types)',
    'desk.ts (types)',
    'http/ (types)',
    'log.ts (types)',
    'outbox.ts (types)',
  ],
  'config.ts': [
    'digests/',
    'config-groups.ts',
    'config-values.ts',
    'errors.ts',
    'knowledge/',
    'model/',
    'log.ts (types)',
    'desk-context.ts (types)',
    'platform.ts (types)',
  ],
  // The composition: it wires everything, and only main.ts also sees the adapters.
  'mount-platforms.ts': [
    'clock.ts (types)',
    'config.ts (types)',
    'outbox.ts (types)',
    'platform.ts (types)',
    'store/',
    'unchanged-references.ts',
  ],
  'unchanged-references.ts': ['platform.ts (types)'],
  // Which work is scheduled: the features' and the desk's own.
  'scheduled-jobs.ts': ['commands/ (types)', 'desk.ts (types)', 'desk-context.ts (types)', 'jobs/ (types)', 'store/'],
  'start-app.ts': ['*'],
  'main.ts': ['*'],
};

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
  file: string;
}

function srcEdges(): Edge[] {
  return sourceFiles(srcDir).flatMap((file) =>
    edgesOf(readFileSync(file, 'utf8')).flatMap(({ spec, typeOnly }) => {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(srcDir)) return [];
      const from = unitOf(file);
      const to = unitOf(target);
      return from === to ? [] : [{ from, to, typeOnly, file: relative(root, file) }];
    }),
  );
}

/** Strongly connected groups of more than one unit, over value imports only (Tarjan). */
function valueCycles(edges: Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges.filter((e) => !e.typeOnly)) {
    next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w) group.push(w);
      } while (w && w !== v);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('the dependency rule', () => {
  const src = sourceFiles(srcDir);

  it('finds the source tree', () => {
    expect(src.length).toBeGreaterThan(20);
  });

  it('keeps adapters and platform SDKs out of src/, except the composition root', () => {
    const offenders = src
      .filter((file) => relative(root, file) !== join('src', 'main.ts'))
      .flatMap((file) =>
        importsOf(readFileSync(file, 'utf8'))
          .filter((spec) => /\/adapters\/|^@slack\/|^botbuilder|^botframework/.test(spec))
          .map((spec) => `${relative(root, file)} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in src/main.ts', () => {
    const readers = [...src, ...sourceFiles(join(root, 'adapters'))]
      .filter((file) => /process\.env/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(readers).toEqual([join('src', 'main.ts')]);
  });

  it('keeps Bot Framework and Slack types inside their own adapters, and adapters out of each other', () => {
    const files = sourceFiles(join(root, 'adapters'));
    const leaks = files.flatMap((file) => {
      const rel = relative(root, file);
      const own = rel.split('/')[1];
      return importsOf(readFileSync(file, 'utf8'))
        .filter(
          (spec) =>
            (/^botbuilder|^botframework/.test(spec) && own !== 'teams') ||
            (/^@slack\//.test(spec) && own !== 'slack') ||
            (spec.startsWith('.') &&
              relative(root, resolve(dirname(file), spec)).split('/')[1] !== own &&
              relative(root, resolve(dirname(file), spec)).startsWith('adapters')),
        )
        .map((spec) => `${rel} imports ${spec}`);
    });
    expect(leaks).toEqual([]);
  });

  it('imports between the parts of src/ only as the table allows', () => {
    const edges = srcEdges();
    const unlisted = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((u) => !(u in table));
    expect(unlisted, 'every folder and file directly in src/ has a line in the table').toEqual([]);
    const refused = edges
      .filter((e) => {
        const allowed = table[e.from] ?? [];
        if (allowed.includes('*') || allowed.includes(e.to)) return false;
        return !(e.typeOnly && allowed.includes(`${e.to} (types)`));
      })
      .map((e) => `${e.file} imports ${e.typeOnly ? 'types from ' : ''}${e.to}`);
    expect(refused).toEqual([]);
  });

  it('has no cycle of value imports between the parts of src/', () => {
    expect(valueCycles(srcEdges())).toEqual([]);
  });

  it('finds a cycle and a refused import when there is one (the checks themselves can fail)', () => {
    const made = (from: string, to: string): Edge => ({ from, to, typeOnly: false, file: from });
    expect(valueCycles([made('tickets/', 'sla/'), made('sla/', 'tickets/'), made('sla/', 'model/')])).toEqual([
      ['sla/', 'tickets/'],
    ]);
    expect(edgesOf("import type { A } from './a.ts';\nimport { type B, c } from './b.ts';")).toEqual([
      { spec: './a.ts', typeOnly: true },
      { spec: './b.ts', typeOnly: false },
    ]);
  });
});
