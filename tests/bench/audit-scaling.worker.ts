// Audit time at several sizes measured in one process, round-robin (1×, 2×, 4×, 1×, 2×, 4×…), so that load from
// other processes hits every size alike. The scaling target uses the median of each round's paired ratio
// time(largest)/time(smallest), which is far steadier on a busy machine than a ratio of medians taken minutes apart.
// Prints one JSON object on stdout. Run as `node --import tsx audit-scaling.worker.ts --scales 1,2,4`.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { audit } from '../../utils/audit';
import { parseSnapshot } from '../../utils/schemas';
import { SCENARIO_TODAY, generateLarge } from '../../utils/scenarios';
import { median, round } from '../../scripts/lib/bench/stats';

const { values } = parseArgs({ options: { scales: { type: 'string' }, seed: { type: 'string' }, rounds: { type: 'string' }, 'budget-ms': { type: 'string' } } });
const args = z
  .object({
    scales: z.string().transform((text) => text.split(',').map(Number)).pipe(z.array(z.number().positive()).min(2)),
    seed: z.coerce.number().int().default(1),
    rounds: z.coerce.number().int().min(1).default(5),
    /** Keep adding rounds (up to 30) until this much audit time was measured. */
    budgetMs: z.coerce.number().min(0).default(3_000),
  })
  .parse({ ...values, budgetMs: values['budget-ms'] });

// Validated, as the background audits what it fetched only after parseSnapshot.
const snapshots = args.scales.map((scale) => parseSnapshot(generateLarge({ scale, seed: args.seed })));
const options = { today: SCENARIO_TODAY };
const timeOnce = (index: number): number => {
  const start = performance.now();
  audit(snapshots[index]!, options);
  return performance.now() - start;
};

// Warm-up, round-robin too: until every size ran twice and 1.5 × the budget went by.
let warmupMs = 0;
for (let round = 0; round < 2 || (warmupMs < args.budgetMs * 1.5 && round < 30); round++) {
  for (let index = 0; index < snapshots.length; index++) warmupMs += timeOnce(index);
}

const runsMs: number[][] = args.scales.map(() => []);
let measuredMs = 0;
for (let round = 0; round < args.rounds || (measuredMs < args.budgetMs && round < 30); round++) {
  for (let index = 0; index < snapshots.length; index++) {
    const elapsed = timeOnce(index);
    runsMs[index]!.push(elapsed);
    measuredMs += elapsed;
  }
}

const last = runsMs.length - 1;
const pairedRatios = runsMs[0]!.map((smallest, round) => runsMs[last]![round]! / smallest);
process.stdout.write(
  `${JSON.stringify({
    scales: args.scales,
    rounds: runsMs[0]!.length,
    medianMs: runsMs.map((runs) => round(median(runs))),
    pairedRatio: round(median(pairedRatios), 3),
    ratioOfMedians: round(median(runsMs[last]!) / median(runsMs[0]!), 3),
  })}\n`,
);
