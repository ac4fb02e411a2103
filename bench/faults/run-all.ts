/**
 * `npm run bench:faults [-- name …]`: every fault scenario, one after another (they are heavy: never two at
 * once on a small machine), or only the named ones. Each prints what it did and what was lost; the exit code
 * is 1 when any scenario's promises did not hold. A new scenario is a module exporting a `Scenario` and one
 * line in the list below.
 */
import { crashMidSweep } from './crash-mid-sweep.ts';
import { dbPartitions } from './db-partitions.ts';
import { dbRestarts } from './db-restarts.ts';
import { forgedRequests } from './forged-requests.ts';
import { hostileBodies } from './hostile-bodies.ts';
import { killUnderLoad } from './kill-under-load.ts';
import { logSecrets } from './log-secrets.ts';
import { replicas } from './replicas.ts';
import { retryStorm } from './retry-storm.ts';
import type { Scenario } from './scenario.ts';

const scenarios: Scenario[] = [
  dbRestarts,
  dbPartitions,
  killUnderLoad,
  crashMidSweep,
  replicas,
  hostileBodies,
  forgedRequests,
  logSecrets,
  retryStorm,
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !scenarios.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

let failed = 0;
for (const scenario of scenarios.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`== ${scenario.name}: ${scenario.about}`);
  const started = Date.now();
  try {
    const report = await scenario.run();
    for (const line of report.lines) console.log(`  ${line}`);
    console.log(`  ${report.ok ? 'ok' : 'FAILED'} (${Math.round((Date.now() - started) / 1000)} s)`);
    if (!report.ok) failed++;
  } catch (err) {
    console.log(`  could not run: ${(err as Error).stack ?? String(err)}`);
    failed++;
  }
}
process.exitCode = failed > 0 ? 1 : 0;
