/**
 * `npx tsx scripts/noisy-queries.ts --queries Q.jsonl --noise typos|context > noisy.jsonl`: the same queries
 * as people write them (src/knowledge/eval/noisy-variants.ts), one JSON object a line, for `npm run eval`.
 */
import { parseArgs } from 'node:util';
import { readEvalQueries } from '../src/knowledge/eval/eval-set.ts';
import { type Noise, noisyVariant } from '../src/knowledge/eval/noisy-variants.ts';

const { values } = parseArgs({ options: { queries: { type: 'string' }, noise: { type: 'string' } } });
const noise = values.noise as Noise | undefined;
if (!values.queries || (noise !== 'typos' && noise !== 'context')) {
  console.error('Usage: npx tsx scripts/noisy-queries.ts --queries Q.jsonl --noise typos|context');
  process.exit(2);
}
for (const [i, q] of readEvalQueries(values.queries).entries()) console.log(JSON.stringify(noisyVariant(q, noise, i)));
