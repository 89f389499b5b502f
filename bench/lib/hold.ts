/**
 * A seeded 100,000-cadre district held open for EXPLAIN work: the training bench's programmes and attendance
 * and the care bench's checks, talks and leave on the district of `seedDistrict`, then the connection URLs
 * printed and the database kept until SIGINT/SIGTERM (then dropped). In psql as the app role, a request's
 * scope is set with `SELECT set_config('app.context','user',true), set_config('app.scope_mode','all',true), …`
 * (see `platform/scope-settings.ts`) inside a transaction.
 *
 *   node --import tsx bench/lib/hold.ts [--cadres 100000]
 */
import { progress, runBench } from '../registry/lib.ts';
import { seedDistrict } from './district.ts';
import { seedCare, seedTraining } from './seed-reports.ts';

await runBench(
  { name: 'hold', timeoutS: 6 * 3600, options: { cadres: { type: 'string', default: '100000' } } },
  async (stack, args) => {
    const district = await seedDistrict(stack.admin, { cadres: Number(args.cadres), prefix: '保持' });
    await seedTraining(stack.admin, district);
    await seedCare(stack.admin);
    await stack.admin.query('VACUUM ANALYZE');
    progress(`admin URL: ${stack.adminUrl}`);
    progress(`district ${district.id} ${district.path}; waiting for SIGTERM`);
    await new Promise(() => undefined);
  },
);
