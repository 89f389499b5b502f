/**
 * LRMX import benchmark (target 3): 1,000 distinct 任免审批表 (.lrmx with photo, family and 简历) in one
 * zip, end to end through POST /api/cadres/import/lrmx?orgId=<unit>.
 *
 *   node --import tsx bench/registry/import-lrmx.ts [--files 1000] [--photo-kb 15]
 */
import { recordToLrmx, writeLrmx, type LrmxRecordDraft } from '@ganbu/core';
import { zipSync } from 'fflate';
import {
  authHeaders,
  fmtDot,
  int,
  login,
  makePeople,
  mb,
  out,
  peakRssKb,
  prng,
  progress,
  resetPeakRss,
  runBench,
  units,
  type Person,
  type Unit,
} from './lib.ts';

const BUDGET_RSS_KB = 1024 * 1024;

/** Bytes that pass as a JPEG (SOI + JFIF header … EOI) around incompressible filler, like a real photo. */
function fakeJpeg(size: number, rand: () => number): Uint8Array {
  const b = new Uint8Array(Math.max(size, 32));
  for (let i = 0; i < b.length; i++) b[i] = Math.floor(rand() * 256);
  b.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], 0);
  b.set([0xff, 0xd9], b.length - 2);
  return b;
}

function draftOf(p: Person, unit: Unit): LrmxRecordDraft {
  const workYear = Number(p.workStart.slice(0, 4));
  const start2 = `${workYear + Math.max(1, Math.min(6, Math.floor((2025 - workYear) / 2)))}${p.workStart.slice(4)}`;
  const resume = [
    `${fmtDot(p.workStart)}--${fmtDot(start2)}  ${unit.name}科员`,
    `${fmtDot(start2)}--          ${unit.name}副主任`,
  ].join('\n');
  const degree = p.education === '研究生' ? '硕士' : p.education === '大学' ? '学士' : '';
  return {
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate.slice(0, 7),
    ethnicity: '汉族',
    nativePlace: '福建泉州',
    birthPlace: '福建泉州',
    politicalStatus: '中共党员',
    partyJoinDate: p.partyJoin,
    workStartDate: p.workStart,
    health: '健康',
    professionalTitle: '',
    specialty: '熟悉基层治理',
    fullTimeEducation: { education: p.education, degree, school: '福州大学', major: '汉语言文学' },
    inServiceEducation: { education: '', degree: '', school: '', major: '' },
    postTitle: `${unit.name}副主任`,
    rewardsAndPunishments: '无',
    annualAssessment: '2023年度考核称职；2024年度考核优秀',
    idNumber: p.idNumber,
    family: [
      {
        relation: '妻子',
        name: '林某',
        birthDate: p.birthDate.slice(0, 7),
        politicalStatus: '群众',
        workUnitAndPost: '泉州市某小学教师',
      },
      {
        relation: '儿子',
        name: `${p.name.slice(0, 1)}某`,
        birthDate: null,
        politicalStatus: '',
        workUnitAndPost: '学生',
      },
    ],
    extras: { JianLi: resume, RenMianLiYou: '工作需要', TianBiaoRen: '组织部' },
  };
}

await runBench(
  {
    name: 'import-lrmx',
    timeoutS: 1200,
    options: {
      files: { type: 'string', default: '1000' },
      'photo-kb': { type: 'string', default: '15' },
    },
  },
  async (stack, args) => {
    const n = Number(args.files);
    const photoBytes = Number(args['photo-kb']) * 1024;
    const session = await login(stack, 'orgdept');
    const unit = (await units(stack)).find((u) => u.kind === 'township');
    if (!unit) throw new Error('no township in the demo district');

    progress(`${stack.target.label}: writing ${int(n)} .lrmx files`);
    const b0 = performance.now();
    const rand = prng(3);
    const files: Record<string, Uint8Array> = {};
    for (const [i, p] of makePeople(n, '350583', 3).entries()) {
      const photo = photoBytes > 0 ? fakeJpeg(photoBytes, rand) : null;
      files[`${String(i + 1).padStart(4, '0')}-${p.name}.lrmx`] = writeLrmx(
        recordToLrmx(draftOf(p, unit), photo),
      );
    }
    const zip = zipSync(files, { level: 6 });
    const buildS = (performance.now() - b0) / 1000;
    const rawBytes = Object.values(files).reduce((a, f) => a + f.length, 0);

    const base = resetPeakRss();
    progress(
      `${stack.target.label}: POST /api/cadres/import/lrmx (${(zip.length / 1024 / 1024).toFixed(1)} MB zip)`,
    );
    const form = new FormData();
    form.append('file', new Blob([zip], { type: 'application/zip' }), 'forms.zip');
    const t0 = performance.now();
    const res = await fetch(`${stack.baseUrl}/api/cadres/import/lrmx?orgId=${unit.id}`, {
      method: 'POST',
      headers: authHeaders(session),
      body: form,
      signal: AbortSignal.timeout(15 * 60_000),
    });
    const text = await res.text();
    const totalS = (performance.now() - t0) / 1000;
    const peak = peakRssKb();
    if (res.status !== 200) throw new Error(`import: ${res.status} ${text.slice(0, 2000)}`);
    const ids = (JSON.parse(text) as { imported: { id: string }[] }).imported.map((r) => r.id);
    if (ids.length !== n) throw new Error(`imported ${ids.length} of ${n}`);
    const { rows } = await stack.admin.query<{ photos: number; appts: number }>(
      `SELECT (SELECT count(*)::int FROM cadre_photos WHERE cadre_id = ANY ($1::uuid[])) AS photos,
              (SELECT count(*)::int FROM cadre_appointments WHERE cadre_id = ANY ($1::uuid[])) AS appts`,
      [ids],
    );

    out();
    out(`== import-lrmx · ${stack.target.label} · ${stack.serverVersion}`);
    out(
      `zip: ${int(n)} .lrmx files (photo ${photoBytes ? `${photoBytes / 1024} KB` : 'none'}, 2 family members, 2-line 简历 each), ${(rawBytes / 1024 / 1024).toFixed(1)} MB → ${(zip.length / 1024 / 1024).toFixed(1)} MB zipped (built in ${buildS.toFixed(1)} s, not timed)`,
    );
    out(`POST /api/cadres/import/lrmx?orgId=<${unit.name}>: ${totalS.toFixed(2)} s for ${int(n)} files`);
    out(`  files/s: ${int(n / totalS)}`);
    out(
      `  peak RSS of this process (VmHWM, app + benchmark client): ${mb(peak)}  (budget ≤ 1 GB: ${peak <= BUDGET_RSS_KB ? 'met' : 'EXCEEDED'}); RSS before the request ${mb(base.rssKb)}${base.reset ? '' : ' (peak mark could not be reset: includes the build)'}`,
    );
    out(
      `  imported ${int(ids.length)} cadres with ${int(rows[0]?.photos ?? 0)} photos and ${int(rows[0]?.appts ?? 0)} appointments`,
    );
  },
);
