/**
 * Development aid for the tally benchmark: generates the province-size round once (as `tally.ts` does) on
 * the benchmark's throwaway database and keeps it until the file given by --hold-file is removed (or the
 * time limit), printing the database URL and the round id — so tally variants can be measured against the
 * same data (`tally-variants.ts --db URL --round ID`) without regenerating it (~4–5 min per database).
 *
 *   node --import tsx bench/assessment/tally-hold.ts --target server --hold-file /tmp/hold [--targets 100000]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { ROUND_OPTIONS, seedRound } from './round-seed.ts';
import { progress, runBench } from '../registry/lib.ts';

await runBench(
  {
    name: 'tally-hold',
    timeoutS: 7200,
    options: {
      ...ROUND_OPTIONS,
      'hold-file': { type: 'string', default: '' },
    },
  },
  async (stack, args) => {
    const t0 = performance.now();
    const { round } = await seedRound(stack, args);
    progress(`generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const hold = String(args['hold-file']);
    const info = JSON.stringify({ db: stack.adminUrl, round: round.id, label: stack.target.label });
    process.stdout.write(`${info}\n`);
    if (hold) {
      writeFileSync(hold, info);
      while (existsSync(hold)) await new Promise((r) => setTimeout(r, 2000));
    }
  },
);
