import type {
  DisciplineSection,
  Effect,
  EffectDuration,
  EligibilityPurpose,
  ToleranceOutcomeEffect,
  WarningRule,
} from '../policy/discipline-section.ts';
import type { Source } from '../policy/source.ts';
import { addMonths, endOfYear } from './dates.ts';

/**
 * The eligibility engine (R-RUL-1/2): whether a cadre may be considered for a purpose (提拔, 职级晋升,
 * 年度考核优秀, 评先评优, 后备干部, 奖金 …) on a date, and why. It is the only place such rules live: every
 * computation that asks (assessment proposals and overrides, the roster filter, the record page) gets the
 * same answer. Every duration comes from the pack's `discipline` section; this file has no figure of its own.
 *
 * Time travel: the caller passes the pack version in force on `date` (`packInForce`), and only facts known
 * on that date count — a record decided after the date, a tolerance decision taken after it, a revocation
 * after it, a conclusion after it do not apply yet.
 *
 * Periods: an effect of n months applies from the decision date through the corresponding day n months
 * later (`until`, inclusive: the period's first counted day is the day after the decision and its last day
 * is the corresponding day — the usual rule for periods in months); the first day the cadre is eligible
 * again is the day after `until`. An end-of-year effect applies through 31 December of the decision's year.
 */

export type RecordFact = {
  id: string;
  cadreId: string;
  kind: string;
  grade: string | null;
  decidedOn: string;
  documentNo: string;
  /** 撤销: annulled on review on this date; from then on it shows nothing */
  revokedOn: string | null;
};

export type ToleranceOutcome = 'exempt' | 'lighter' | 'mitigated' | 'refused';

export type ToleranceFact = {
  id: string;
  cadreId: string;
  /** null while the case is undecided */
  outcome: ToleranceOutcome | null;
  decidedOn: string | null;
  documentNo: string | null;
  /** the records the decision concerns */
  recordIds: readonly string[];
};

export type ClarificationConclusion = 'founded' | 'partly_founded' | 'unfounded' | 'false_accusation';

export type ClarificationFact = {
  id: string;
  cadreId: string;
  receivedOn: string;
  conclusion: ClarificationConclusion | null;
  concludedOn: string | null;
};

/** A process concerning the cadre that is in progress (a promotion …): none exist until selection does. */
export type ProcessFact = { id: string; cadreId: string; kind: string; from: string; until: string | null };

export type EligibilityFacts = {
  cadre: { id: string };
  records: readonly RecordFact[];
  tolerance: readonly ToleranceFact[];
  clarifications: readonly ClarificationFact[];
  processes?: readonly ProcessFact[];
};

export type ReasonRecord = {
  id: string;
  kind: string;
  kindName: string;
  grade: string | null;
  gradeName: string | null;
  decidedOn: string;
  documentNo: string;
};

export type ReasonExemption = {
  outcome: Exclude<ToleranceOutcome, 'refused'>;
  decidedOn: string;
  documentNo: string;
};

/** The rule id of a report under verification (the pack's `pendingReport`). */
export const PENDING_REPORT_RULE = 'pending_report';

export type EligibilityReason = {
  /** the effect's id in the pack, or `pending_report` */
  rule: string;
  /** the rule as the regulation words it */
  ruleText: string;
  /** the duration that applies (after a 从轻/减轻 decision: the shortened one) */
  effect: EffectDuration | { type: 'untilConcluded' };
  from: string;
  /** the last day the effect applies; null: permanent, or until a report is concluded */
  until: string | null;
  record: ReasonRecord;
  exemption?: ReasonExemption;
  source: Source;
  /** false: shown for the record's sake but not blocking (exempted, or shortened and ended) */
  counts: boolean;
};

export type EligibilityAnswer = {
  eligible: boolean;
  purpose: EligibilityPurpose;
  date: string;
  reasons: EligibilityReason[];
};

type SectionOf = { discipline?: DisciplineSection | undefined };

function sectionOf(pack: SectionOf): DisciplineSection {
  if (!pack.discipline) throw new Error('the pack has no discipline section');
  return pack.discipline;
}

/** The window an effect covers from a decision date; until null = permanent. */
function windowOf(duration: EffectDuration, decidedOn: string): string | null {
  switch (duration.type) {
    case 'months':
      return addMonths(decidedOn, duration.months);
    case 'endOfYear':
      return endOfYear(decidedOn);
    case 'permanent':
      return null;
  }
}

/** The duration left by a 从轻 / 减轻 decision; null when it lifts the effect. */
function softened(duration: EffectDuration, rule: ToleranceOutcomeEffect): EffectDuration | null {
  switch (duration.type) {
    case 'months': {
      const months = Math.ceil((duration.months * rule.monthsPercent) / 100);
      return months > 0 ? { type: 'months', months } : null;
    }
    case 'endOfYear':
      return rule.endOfYear === 'keep' ? duration : null;
    case 'permanent':
      return rule.permanent === 'keep' ? duration : null;
  }
}

const covers = (from: string, until: string | null, date: string) =>
  from <= date && (until === null || date <= until);

/** A pack section indexed for many questions (the batch form asks it 100,000 times). */
class Rules {
  readonly kindNames = new Map<string, string>();
  readonly gradeNames = new Map<string, string>();
  private readonly byPurpose = new Map<string, Map<string, Effect[]>>();

  constructor(readonly section: DisciplineSection) {
    for (const k of section.kinds) {
      this.kindNames.set(k.code, k.name);
      for (const g of k.grades) this.gradeNames.set(`${k.code}/${g.code}`, g.name);
    }
  }

  /** the effects of a record kind + grade for a purpose (grade-specific and kind-wide ones) */
  effects(purpose: string, kind: string, grade: string | null): Effect[] {
    let map = this.byPurpose.get(purpose);
    if (!map) {
      map = new Map();
      for (const e of this.section.effects) {
        if (!e.purposes.includes(purpose)) continue;
        const key = `${e.kind}/${e.grade ?? '*'}`;
        map.set(key, [...(map.get(key) ?? []), e]);
      }
      this.byPurpose.set(purpose, map);
    }
    const specific = grade === null ? [] : (map.get(`${kind}/${grade}`) ?? []);
    const wide = map.get(`${kind}/*`) ?? [];
    return specific.length && wide.length ? [...specific, ...wide] : specific.length ? specific : wide;
  }

  ref(r: RecordFact): ReasonRecord {
    return {
      id: r.id,
      kind: r.kind,
      kindName: this.kindNames.get(r.kind) ?? r.kind,
      grade: r.grade,
      gradeName: r.grade === null ? null : (this.gradeNames.get(`${r.kind}/${r.grade}`) ?? r.grade),
      decidedOn: r.decidedOn,
      documentNo: r.documentNo,
    };
  }
}

/** The latest tolerance decision known on `date` that changes something for each record (refusals change nothing). */
function decisionsByRecord(tolerance: readonly ToleranceFact[], date: string): Map<string, ToleranceFact> {
  const out = new Map<string, ToleranceFact>();
  for (const t of tolerance) {
    if (t.outcome === null || t.outcome === 'refused' || t.decidedOn === null || t.decidedOn > date) continue;
    for (const id of t.recordIds) {
      const prev = out.get(id);
      if (!prev || prev.decidedOn! < t.decidedOn) out.set(id, t);
    }
  }
  return out;
}

function answer(
  rules: Rules,
  facts: EligibilityFacts,
  date: string,
  purpose: EligibilityPurpose,
): EligibilityAnswer {
  const section = rules.section;
  const reasons: EligibilityReason[] = [];
  const decisions = facts.tolerance.length
    ? decisionsByRecord(facts.tolerance, date)
    : new Map<string, ToleranceFact>();
  for (const r of facts.records) {
    if (r.decidedOn > date) continue; // not known yet
    if (r.revokedOn !== null && r.revokedOn <= date) continue; // annulled: no trace
    for (const e of rules.effects(purpose, r.kind, r.grade)) {
      const until = windowOf(e.duration, r.decidedOn);
      if (!covers(r.decidedOn, until, date)) continue; // over: nothing to say
      const decision = decisions.get(r.id);
      let duration: EffectDuration | null = e.duration;
      let exemption: ReasonExemption | undefined;
      if (decision) {
        const outcome = decision.outcome as Exclude<ToleranceOutcome, 'refused'>;
        exemption = { outcome, decidedOn: decision.decidedOn!, documentNo: decision.documentNo ?? '' };
        duration = outcome === 'exempt' ? null : softened(e.duration, section.tolerance[outcome]);
      }
      const applied = duration === null ? until : windowOf(duration, r.decidedOn);
      reasons.push({
        rule: e.id,
        ruleText: e.rule,
        effect: duration ?? e.duration,
        from: r.decidedOn,
        until: applied,
        record: rules.ref(r),
        ...(exemption ? { exemption } : {}),
        source: exemption?.outcome === 'exempt' ? section.tolerance.exemptSource : e.source,
        counts: duration !== null && covers(r.decidedOn, applied, date),
      });
    }
  }
  if (section.pendingReport.purposes.includes(purpose)) {
    for (const c of facts.clarifications) {
      if (c.receivedOn > date) continue;
      if (c.conclusion !== null && c.concludedOn !== null && c.concludedOn <= date) continue; // concluded: no trace
      reasons.push({
        rule: PENDING_REPORT_RULE,
        ruleText: section.pendingReport.rule,
        effect: { type: 'untilConcluded' },
        from: c.receivedOn,
        until: null,
        record: {
          id: c.id,
          kind: 'report',
          kindName: '信访举报',
          grade: null,
          gradeName: null,
          decidedOn: c.receivedOn,
          documentNo: '',
        },
        source: section.pendingReport.source,
        counts: true,
      });
    }
  }
  if (reasons.length > 1)
    reasons.sort(
      (a, b) =>
        Number(b.counts) - Number(a.counts) || a.from.localeCompare(b.from) || a.rule.localeCompare(b.rule),
    );
  return { eligible: !reasons.some((x) => x.counts), purpose, date, reasons };
}

/**
 * Whether one cadre may be considered for `purpose` on `date`, with every reason (blocking or not).
 * `pack` is the version in force on `date`.
 */
export function eligibility(
  facts: EligibilityFacts,
  pack: SectionOf,
  date: string,
  purpose: EligibilityPurpose,
): EligibilityAnswer {
  return answer(new Rules(sectionOf(pack)), facts, date, purpose);
}

/** Every purpose the pack names (the six known ones first) for one cadre. */
export function eligibilityAll(
  facts: EligibilityFacts,
  pack: SectionOf,
  date: string,
  purposes: readonly EligibilityPurpose[],
): EligibilityAnswer[] {
  const rules = new Rules(sectionOf(pack));
  return purposes.map((p) => answer(rules, facts, date, p));
}

export type EligibilityBatch = {
  cadreIds: readonly string[];
  records: readonly RecordFact[];
  tolerance: readonly ToleranceFact[];
  clarifications: readonly ClarificationFact[];
};

function groupBy<T extends { cadreId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.cadreId);
    if (list) list.push(r);
    else out.set(r.cadreId, [r]);
  }
  return out;
}

/**
 * The batch form: one answer per cadre id, in input order (rows of other cadres are ignored). Cadres with
 * no fact share one frozen answer: do not mutate the answers.
 */
export function eligibilityMany(
  batch: EligibilityBatch,
  pack: SectionOf,
  date: string,
  purpose: EligibilityPurpose,
): Map<string, EligibilityAnswer> {
  const rules = new Rules(sectionOf(pack));
  const records = groupBy(batch.records);
  const tolerance = groupBy(batch.tolerance);
  const clarifications = groupBy(batch.clarifications);
  const out = new Map<string, EligibilityAnswer>();
  const none: never[] = [];
  // a cadre without any fact: one shared, frozen answer (most of a district; 100,000 objects cost time)
  const clear: EligibilityAnswer = Object.freeze({
    eligible: true,
    purpose,
    date,
    reasons: Object.freeze([]) as unknown as EligibilityReason[],
  });
  for (const id of batch.cadreIds) {
    const r = records.get(id);
    const c = clarifications.get(id);
    if (!r && !c) {
      out.set(id, clear);
      continue;
    }
    out.set(
      id,
      answer(
        rules,
        {
          cadre: { id },
          records: r ?? none,
          tolerance: tolerance.get(id) ?? none,
          clarifications: c ?? none,
        },
        date,
        purpose,
      ),
    );
  }
  return out;
}

// ------------------------------------------------------------------ early warning (R-DIS-2)

export type WarningFlag = {
  rule: string;
  name: string;
  type: WarningRule['type'];
  /** the records that raise the flag, oldest first */
  records: ReasonRecord[];
  /** the process during which a record was decided (recordDuring) */
  processId?: string;
  notify: string[];
  source: Source;
};

/**
 * The early-warning flags (苗头性、倾向性问题) on `date`: `countInWindow` — at least `count` records of the
 * kinds decided in the `months` ending on `date` (from the corresponding day `months` earlier, inclusive);
 * `recordDuring` — a record of the kinds decided while a process of that kind was in progress. Revoked
 * records and records decided after `date` do not count; an exempted (免责) record does not either.
 */
export function earlyWarnings(facts: EligibilityFacts, pack: SectionOf, date: string): WarningFlag[] {
  const section = sectionOf(pack);
  const rules = new Rules(section);
  const decisions = decisionsByRecord(facts.tolerance, date);
  const live = facts.records
    .filter(
      (r) =>
        r.decidedOn <= date &&
        (r.revokedOn === null || r.revokedOn > date) &&
        decisions.get(r.id)?.outcome !== 'exempt',
    )
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.id.localeCompare(b.id));
  const flags: WarningFlag[] = [];
  for (const w of section.warnings) {
    const ofKind = live.filter((r) => w.kinds.includes(r.kind));
    if (w.type === 'countInWindow') {
      const start = addMonths(date, -w.months);
      const inWindow = ofKind.filter((r) => r.decidedOn >= start);
      if (inWindow.length >= w.count)
        flags.push({
          rule: w.id,
          name: w.name,
          type: w.type,
          records: inWindow.map((r) => rules.ref(r)),
          notify: [...w.notify],
          source: w.source,
        });
    } else {
      for (const p of facts.processes ?? []) {
        if (p.kind !== w.process || p.from > date) continue;
        const end = p.until === null || p.until > date ? date : p.until;
        const during = ofKind.filter((r) => r.decidedOn >= p.from && r.decidedOn <= end);
        if (during.length)
          flags.push({
            rule: w.id,
            name: w.name,
            type: w.type,
            records: during.map((r) => rules.ref(r)),
            processId: p.id,
            notify: [...w.notify],
            source: w.source,
          });
      }
    }
  }
  return flags;
}
