import type { Pack } from '@ganbu/core';
import type { TFunction } from 'i18next';

/** One number of the pack's pay section as the pack pages show it: where it is, what it is called, its unit. */
export type PayField = { pointer: string; label: string; suffix: string; precision: number };

/** The schemes of the pay section, each with its numbers (the ones a district changes and a what-if compares). */
export function payFieldGroups(
  t: TFunction,
  pack: Pack,
): { key: string; title: string; fields: PayField[] }[] {
  const pay = pack.pay;
  if (!pay) return [];
  const pct = (pointer: string, label: string): PayField => ({ pointer, label, suffix: '%', precision: 2 });
  // in the order of the grade scale (优秀 first), not the stored key order (jsonb orders keys by length)
  const gradeFields = (base: string, percents: Record<string, number>, what: string) =>
    Object.keys(percents)
      .sort((a, b) => gradeOrder(pack, a) - gradeOrder(pack, b))
      .map((code) =>
        pct(
          `${base}/gradePercents/${code}`,
          t('assessment.paySection.gradePercent', { what, grade: gradeName(pack, code) }),
        ),
      );
  const groups: { key: string; title: string; fields: PayField[] }[] = [];
  const u = pay.streetUplift;
  if (u) {
    const P = '/pay/streetUplift';
    groups.push({
      key: 'streetUplift',
      title: u.name,
      fields: [
        pct(`${P}/band/minPercent`, t('assessment.paySection.bandMin')),
        pct(`${P}/band/maxPercent`, t('assessment.paySection.bandMax')),
        ...(u.defaultBudgetPercentOfBase === null
          ? []
          : [pct(`${P}/defaultBudgetPercentOfBase`, t('assessment.paySection.defaultBudget'))]),
        ...gradeFields(
          `${P}/effectiveness`,
          u.effectiveness.gradePercents,
          t('assessment.paySection.unitGrade'),
        ),
        pct(`${P}/effectiveness/missingPercent`, t('assessment.paySection.missingUnitGrade')),
      ],
    });
  }
  const b = pay.performanceBonus;
  if (b) {
    const P = '/pay/performanceBonus';
    groups.push({
      key: 'performanceBonus',
      title: b.name,
      fields: [
        pct(`${P}/upliftPercent`, t('assessment.paySection.bonusUplift')),
        pct(`${P}/missingGradePercent`, t('assessment.paySection.missingGrade')),
        ...(b.ineligible.effect === 'reduce'
          ? [pct(`${P}/ineligible/paidPercent`, t('assessment.paySection.ineligiblePaid'))]
          : []),
      ],
    });
  }
  const v = pay.villageSubsidy;
  if (v) {
    const P = '/pay/villageSubsidy';
    groups.push({
      key: 'villageSubsidy',
      title: v.name,
      fields: [
        ...v.roles.map((r, i) =>
          pct(`${P}/roles/${i}/raisePercent`, t('assessment.paySection.raise', { role: r.name })),
        ),
        ...(v.grade
          ? gradeFields(`${P}/grade`, v.grade.gradePercents, t('assessment.paySection.ownGrade'))
          : []),
        ...(v.grade ? [pct(`${P}/grade/missingPercent`, t('assessment.paySection.missingGrade'))] : []),
        ...(v.floor
          ? [
              {
                pointer: `${P}/floor/multiple`,
                label: t('assessment.paySection.floorMultiple'),
                suffix: t('assessment.paySection.times'),
                precision: 2,
              },
            ]
          : []),
      ],
    });
  }
  const r = pay.rewardPool;
  if (r) {
    const P = '/pay/rewardPool';
    groups.push({
      key: 'rewardPool',
      title: r.name,
      fields: [
        ...r.postWeights.map((w, i) =>
          pct(`${P}/postWeights/${i}/weightPercent`, t('assessment.paySection.postWeight', { post: w.name })),
        ),
        ...(r.minSpreadRatio === null
          ? []
          : [
              {
                pointer: `${P}/minSpreadRatio`,
                label: t('assessment.paySection.minSpread'),
                suffix: t('assessment.paySection.times'),
                precision: 2,
              },
            ]),
      ],
    });
  }
  return groups;
}

/** Where a grade code stands in the pack's scales (the first scale that has it); unknown codes last. */
function gradeOrder(pack: Pack, code: string): number {
  for (const s of pack.assessment.gradeScales) {
    const i = s.grades.findIndex((x) => x.code === code);
    if (i >= 0) return i;
  }
  return Number.MAX_SAFE_INTEGER;
}

/** A grade code by the name the pack's scales give it (优秀 …); the code when no scale names it. */
function gradeName(pack: Pack, code: string): string {
  for (const s of pack.assessment.gradeScales) {
    const g = s.grades.find((x) => x.code === code);
    if (g) return g.name;
  }
  return code;
}
