import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { authHeaders, login, runBench } from './lib.ts';

await runBench({ name: 'roster-prof', timeoutS: 600, options: {} }, async (stack) => {
  const s = await login(stack, 'orgdept');
  const h = authHeaders(s);
  const get = async (i: number) => {
    const r = await fetch(`${stack.baseUrl}/api/cadres?sort=org&page=${(i % 20) + 1}&pageSize=20`, { headers: h });
    await r.text();
  };
  for (let i = 0; i < 200; i++) await get(i);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const N = 1000;
  for (let i = 0; i < N; i++) await get(i);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync('/tmp/roster-http.cpuprofile', JSON.stringify(profile));
  console.log(`per request: wall ${(wall / N).toFixed(2)} ms, node cpu ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms`);
});
