/**
 * Excel import benchmark (target 2): 10,000 people (+ one appointment row each) in the downloaded
 * template, end to end through POST /api/cadres/import/xlsx; then a rough profile of where the time goes
 * (workbook parse, plan, apply) by calling the route's own functions in a rolled-back transaction.
 *
 *   node --import tsx bench/registry/import-xlsx.ts [--rows 10000] [--appointments 1]
 */
import { APPOINTMENTS_SHEET, PEOPLE_SHEET } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { loadavg } from 'node:os';
import type pg from 'pg';
import { procCpuMs } from '../lib/cpu.ts';
import {
  applyImport,
  planImport,
  readWorkbook,
  readWorkbookModel,
} from '../../packages/server/src/modules/cadre/import-xlsx.ts';
import type { RequestContext } from '../../packages/server/src/platform/context.ts';
import { setScope } from '../../packages/server/src/platform/scope-settings.ts';
import {
  actorOf,
  authHeaders,
  fmtDot,
  int,
  login,
  makePeople,
  mb,
  out,
  peakRssKb,
  progress,
  resetPeakRss,
  runBench,
  units,
  type Person,
  type Stack,
  type Unit,
} from './lib.ts';

const TARGET_ROWS_PER_S = 2000;
const BUDGET_RSS_KB = 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const UNIT_KIND: Record<string, string> = {
  department: '区直部门',
  street: '街道',
  township: '乡镇',
  village: '村',
  community: '社区',
};
const CATEGORY: Record<string, string> = { village: '村(社区)干部', community: '村(社区)干部' };

/** The template filled in: people in template column order, appointments on 任职经历. */
async function buildWorkbook(
  template: Buffer,
  people: Person[],
  unitList: Unit[],
  appointmentsPerPerson: number,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ps = wb.getWorksheet(PEOPLE_SHEET);
  const as = wb.getWorksheet(APPOINTMENTS_SHEET);
  if (!ps || !as) throw new Error('template without the people or appointments sheet');
  let appRow = 2;
  people.forEach((p, i) => {
    const unit = unitList[i % unitList.length] as Unit;
    const party = i % 4 !== 3;
    // 姓名 性别 出生年月 民族 籍贯 出生地 政治面貌 入党时间 参加工作时间 健康状况 全日制学历 全日制学位 毕业院校 所学专业
    // 在职学历 在职学位 身份证号 联系电话 人员类别 职级 现任职务 所在单位 标签
    ps.getRow(i + 2).values = [
      p.name,
      p.gender === 'male' ? '男' : '女',
      fmtDot(p.birthDate.slice(0, 7)),
      '汉族',
      '福建泉州',
      '福建泉州',
      party ? '中共党员' : '群众',
      party ? fmtDot(p.partyJoin) : '',
      fmtDot(p.workStart),
      '健康',
      p.education,
      p.education === '研究生' ? '硕士' : p.education === '大学' ? '学士' : '',
      '福州大学',
      '汉语言文学',
      '',
      '',
      p.idNumber,
      p.phone,
      CATEGORY[unit.kind] ?? '综合管理类',
      '一级科员',
      '科员',
      unit.path,
      i % 10 === 0 ? '后备干部' : '',
    ];
    for (let k = 0; k < appointmentsPerPerson; k++) {
      // 身份证号 任职单位 单位类型 职务 是否领导职务 职务类别 职级 起始时间 终止时间
      // posts one after the other between the start of work and 2025 (no date may be in the future)
      const workYear = Number(p.workStart.slice(0, 4));
      const step = Math.max(1, Math.floor((2025 - workYear) / appointmentsPerPerson));
      const start = `${workYear + k * step}${p.workStart.slice(4)}`;
      const end = k < appointmentsPerPerson - 1 ? `${workYear + (k + 1) * step}${p.workStart.slice(4)}` : '';
      as.getRow(appRow++).values = [
        p.idNumber,
        unit.name,
        UNIT_KIND[unit.kind] ?? '',
        '科员',
        '否',
        '一般工作人员',
        '一级科员',
        fmtDot(start),
        end ? fmtDot(end) : '',
      ];
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(stack: Stack, headers: Record<string, string>, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: XLSX }), 'cadres.xlsx');
  const res = await fetch(`${stack.baseUrl}/api/cadres/import/xlsx`, {
    method: 'POST',
    headers,
    body: form,
    signal: AbortSignal.timeout(20 * 60_000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`import: ${res.status} ${text.slice(0, 2000)}`);
  return JSON.parse(text) as { imported: { id: string }[] };
}

/**
 * CPU time of the benchmark database's client backends (the app's pool connections), by pid, read from
 * /proc (the embedded server runs here; null when it cannot be read, e.g. a server elsewhere).
 */
async function backendsCpu(admin: pg.Client): Promise<Map<number, number> | null> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const v = procCpuMs(pid);
    if (v === null) return null;
    cpu.set(pid, v);
  }
  return cpu;
}

/** CPU spent by the backends between two readings (a backend that appeared in between counts from 0). */
function backendsCpuSpent(before: Map<number, number> | null, after: Map<number, number> | null) {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, v] of after) ms += v - (before.get(pid) ?? 0);
  return ms;
}

const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

/** Count and time every query a client sends, by statement (wrapping its `query`; server code is untouched). */
function meter(client: pg.PoolClient) {
  const m = { queries: 0, ms: 0, byStatement: new Map<string, { n: number; ms: number }>() };
  const original = client.query.bind(client) as (...a: unknown[]) => Promise<unknown>;
  (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
    // a COPY stream (pg-copy-streams) is handed back as it is, timed until it finishes
    if (typeof (a[0] as { submit?: unknown } | undefined)?.submit === 'function') {
      const t0 = performance.now();
      const stream = original(...a) as unknown as NodeJS.EventEmitter;
      stream.once('finish', () => count(a, performance.now() - t0));
      return stream;
    }
    return timed(a);
  };
  const timed = async (a: unknown[]) => {
    const t0 = performance.now();
    try {
      return await original(...a);
    } finally {
      count(a, performance.now() - t0);
    }
  };
  const count = (a: unknown[], dt: number) => {
    m.queries++;
    m.ms += dt;
    const text = typeof a[0] === 'string' ? a[0] : String((a[0] as { text?: string })?.text);
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 48);
    const e = m.byStatement.get(key) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += dt;
    m.byStatement.set(key, e);
  };
  return m;
}

/**
 * The route's two steps on a second workbook (new ID numbers), in a transaction that is rolled back:
 * ExcelJS parse alone, planImport (parse + checks + one ID-number look-up per row), applyImport.
 */
async function profile(stack: Stack, bytes: Buffer, rows: number) {
  const actor = await actorOf(stack, 'orgdept');
  const client = await stack.pool.connect();
  try {
    await client.query('BEGIN');
    await setScope(client, actor);
    const ctx: RequestContext = {
      client,
      actor,
      now: new Date(),
      clientAddress: '127.0.0.1',
      audited: false,
      audit: async () => undefined,
    };
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    // the route's reader (streaming), then the workbook model it replaced, each alone: wall and CPU time
    let c0 = cpu();
    let t0 = performance.now();
    await readWorkbook(bytes);
    const read = { ms: performance.now() - t0, cpuMs: cpu() - c0 };
    c0 = cpu();
    t0 = performance.now();
    await readWorkbookModel(bytes);
    const model = { ms: performance.now() - t0, cpuMs: cpu() - c0 };
    const m = meter(client);
    const t1 = performance.now();
    const plan = await planImport(ctx, stack.cipher, bytes, 'create');
    const planMs = performance.now() - t1;
    const planSql = { queries: m.queries, ms: m.ms };
    if (plan.errors.length) throw new Error(`profile plan: ${JSON.stringify(plan.errors.slice(0, 5))}`);
    const t2 = performance.now();
    const imported = await applyImport(ctx, stack.cipher, plan);
    const applyMs = performance.now() - t2;
    const applySql = { queries: m.queries - planSql.queries, ms: m.ms - planSql.ms };
    if (imported.length !== rows) throw new Error(`profile apply: ${imported.length} of ${rows}`);
    return { read, model, planMs, planSql, applyMs, applySql, byStatement: m.byStatement };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

await runBench(
  {
    name: 'import-xlsx',
    timeoutS: 1800,
    options: {
      rows: { type: 'string', default: '10000' },
      appointments: { type: 'string', default: '1' },
      'no-profile': { type: 'boolean', default: false },
    },
  },
  async (stack, args) => {
    const rows = Number(args.rows);
    const perPerson = Number(args.appointments);
    const session = await login(stack, 'orgdept');
    const headers = authHeaders(session);
    const tres = await fetch(`${stack.baseUrl}/api/cadres/import/template.xlsx`, {
      headers,
      signal: AbortSignal.timeout(60_000),
    });
    if (tres.status !== 200) throw new Error(`template: ${tres.status}`);
    const template = Buffer.from(await tres.arrayBuffer());
    const unitList = await units(stack);
    const { rows: before } = await stack.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM cadres');

    progress(`${stack.target.label}: building a workbook of ${int(rows)} people`);
    const b0 = performance.now();
    const bytes = await buildWorkbook(template, makePeople(rows, '350582', 1), unitList, perPerson);
    const buildS = (performance.now() - b0) / 1000;

    const base = resetPeakRss();
    progress(
      `${stack.target.label}: POST /api/cadres/import/xlsx (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`,
    );
    // how long the request holds its pool connection (the pool's acquire/release events; no server change)
    const held = new Map<unknown, number>();
    let heldMs = 0;
    const onAcquire = (c: unknown) => held.set(c, performance.now());
    const onRelease = (_e: unknown, c: unknown) => {
      const at = held.get(c);
      if (at !== undefined) heldMs = Math.max(heldMs, performance.now() - at);
      held.delete(c);
    };
    stack.pool.on('acquire', onAcquire);
    stack.pool.on('release', onRelease);
    const loadBefore = load();
    const cpu0 = await backendsCpu(stack.admin);
    const own0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await upload(stack, headers, bytes);
    const totalS = (performance.now() - t0) / 1000;
    const own = process.cpuUsage(own0);
    const peak = peakRssKb();
    const backendMs = backendsCpuSpent(cpu0, await backendsCpu(stack.admin));
    const appMs = (own.user + own.system) / 1000;
    stack.pool.off('acquire', onAcquire);
    stack.pool.off('release', onRelease);
    if (result.imported.length !== rows) throw new Error(`imported ${result.imported.length} of ${rows}`);
    const { rows: after } = await stack.admin.query<{ n: number; a: number }>(
      `SELECT (SELECT count(*)::int FROM cadres) AS n, (SELECT count(*)::int FROM cadre_appointments) AS a`,
    );

    const s1 = (v: number) => `${(v / 1000).toFixed(2)} s`;
    out();
    out(`== import-xlsx · ${stack.target.label} · ${stack.serverVersion}`);
    out(
      `workbook: ${int(rows)} people + ${int(rows * perPerson)} appointment rows, ${(bytes.length / 1024 / 1024).toFixed(2)} MB (built from the template in ${buildS.toFixed(1)} s, not timed)`,
    );
    out(`POST /api/cadres/import/xlsx: ${totalS.toFixed(2)} s for ${int(rows)} rows`);
    const rate = rows / totalS;
    out(
      `  rows/s: ${int(rate)}  (target ≥ ${int(TARGET_ROWS_PER_S)}: ${rate >= TARGET_ROWS_PER_S ? 'met' : 'MISSED'})`,
    );
    out(`  pool connection held by the request (longest): ${(heldMs / 1000).toFixed(2)} s`);
    out(
      `  CPU: app process ${s1(appMs)} (incl. the benchmark's upload client), PostgreSQL backends ${backendMs === null ? 'n/a' : s1(backendMs)}; load average before ${loadBefore}, after ${load()}`,
    );
    out(
      `  peak RSS of this process (VmHWM, app + benchmark client): ${mb(peak)}  (budget ≤ 1 GB: ${peak <= BUDGET_RSS_KB ? 'met' : 'EXCEEDED'}); RSS before the request ${mb(base.rssKb)}${base.reset ? '' : ' (peak mark could not be reset: includes the build)'}`,
    );
    out(
      `  cadres ${int(before[0]?.n ?? 0)} → ${int(after[0]?.n ?? 0)}, appointments now ${int(after[0]?.a ?? 0)}`,
    );

    if (args['no-profile']) return;
    progress(`${stack.target.label}: profiling plan vs apply on a second workbook (rolled back)`);
    const second = await buildWorkbook(template, makePeople(rows, '350581', 2), unitList, perPerson);
    const p = await profile(stack, second, rows);
    const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
    out('rough profile (same functions as the route, one transaction, rolled back):');
    out(
      `  reading the two sheets alone (streaming)   ${s(p.read.ms)}  — CPU ${s(p.read.cpuMs)}  (ExcelJS workbook model, as before: ${s(p.model.ms)}, CPU ${s(p.model.cpuMs)})`,
    );
    out(
      `  planImport (parse + checks + look-ups)     ${s(p.planMs)}  — ${int(p.planSql.queries)} queries, ${s(p.planSql.ms)} waiting on them`,
    );
    out(
      `  applyImport (encrypt + insert per row)     ${s(p.applyMs)}  — ${int(p.applySql.queries)} queries, ${s(p.applySql.ms)} waiting on them`,
    );
    const top = [...p.byStatement].sort((a, b) => b[1].ms - a[1].ms).slice(0, 5);
    for (const [sql, e] of top)
      out(`    ${String(e.n).padStart(6)} × ${(e.ms / e.n).toFixed(3)} ms = ${s(e.ms).padStart(7)}  ${sql}…`);
    const sqlMs = p.planSql.ms + p.applySql.ms;
    const queries = p.planSql.queries + p.applySql.queries;
    out(
      `  plan + apply ${s(p.planMs + p.applyMs)} (the HTTP request took ${totalS.toFixed(2)} s): ${int(queries)} round trips = ${(queries / rows).toFixed(1)} per row, ${((100 * sqlMs) / (p.planMs + p.applyMs)).toFixed(0)} % of the time waiting on them`,
    );
  },
);
