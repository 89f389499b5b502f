import { describe, expect, it } from 'vitest';
import { shippedPacks } from '../policy/shipped-packs.ts';
import {
  allowedActions,
  applyAction,
  caseReaderRoles,
  isOverdue,
  isPendingFor,
  pendingRecipients,
  startCase,
  stepDueOn,
  type AddWorkingDays,
  type CaseActor,
  type CaseParties,
  type CaseState,
} from './engine.ts';
import { CaseKindSchema, type CaseKind } from './kind.ts';

/** Monday–Friday, no holidays: the period of n working days starting on `from` ends on the n-th one. */
const weekdays: AddWorkingDays = (from, n) => {
  const d = new Date(`${from}T00:00:00Z`);
  let left = n;
  for (;;) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && --left === 0) return d.toISOString().slice(0, 10);
    d.setUTCDate(d.getUTCDate() + 1);
  }
};

const fengze = shippedPacks().find((p) => p.id === 'fengze')!;
const kinds = fengze.workflow!.caseKinds;
const tolerance = kinds.tolerance!;
const appeal = kinds.grade_appeal!;

const STREET = 'QY.S01';
const parties: CaseParties = {
  orgPath: STREET,
  openedBy: 'applicant-1',
  subjectCadreId: 'cadre-1',
  members: [{ group: 'committee', userIds: ['member-1', 'member-2'] }],
};
const actor = (
  userId: string,
  roles: CaseActor['roles'],
  mode: CaseActor['scope']['mode'],
  orgPath: string,
) => ({
  userId,
  roles,
  scope: { mode, orgPath, cadreId: null },
});
const orgdeptDistrict = actor('od-1', ['orgdept'], 'all', 'QY');
const orgdeptStreet = actor('od-2', ['orgdept'], 'subtree', STREET);
const orgdeptOtherStreet = actor('od-3', ['orgdept'], 'subtree', 'QY.S02');
const streetAdmin = actor('ua-1', ['unit_admin'], 'subtree', STREET);
const applicant = actor('applicant-1', ['cadre'], 'self', `${STREET}.V0101`);
const member = actor('member-1', ['leader'], 'unit', 'QY.D01');

describe('[workflow] engine', () => {
  it('the shipped kinds parse, and a step deadline excludes the day the step starts', () => {
    // entered Monday 2026-11-02, 5 working days counted from Tuesday: Tue 3, Wed 4, Thu 5, Fri 6, Mon 9
    expect(stepDueOn('2026-11-02T09:00:00.000Z', 5, weekdays)).toBe('2026-11-09');
    // entered Friday 2026-11-06: Mon 9 … Fri 13
    expect(stepDueOn('2026-11-06T09:00:00.000Z', 5, weekdays)).toBe('2026-11-13');
    expect(stepDueOn('2026-11-06T09:00:00.000Z', null, weekdays)).toBeNull();
    // the day a step starts is Beijing's: Thu 2026-11-05 17:00 UTC is Fri 6 01:00 in Beijing, so the count
    // runs Mon 9 … Fri 13; at 15:00 UTC it is still Thursday there: Fri 6, Mon 9 … Thu 12
    expect(stepDueOn('2026-11-05T17:00:00.000Z', 5, weekdays)).toBe('2026-11-13');
    expect(stepDueOn('2026-11-05T15:00:00.000Z', 5, weekdays)).toBe('2026-11-12');
  });

  it('walks a tolerance case 受理 → 调查核实 → 联席会议研究 → 办结, each step with its deadline', () => {
    const { state: s0, event: e0 } = startCase(tolerance, parties, '2026-11-02T01:00:00.000Z', weekdays);
    expect(s0).toMatchObject({
      status: 'open',
      currentStep: 'accept',
      dueOn: '2026-11-09',
      trail: ['accept'],
    });
    expect(e0).toMatchObject({ action: 'open', step: 'accept', toStep: 'accept', actorId: 'applicant-1' });

    const r1 = applyAction(
      tolerance,
      s0,
      { action: 'approve', actor: orgdeptStreet, at: '2026-11-04T02:00:00.000Z' },
      weekdays,
    );
    if (!r1.ok) throw new Error(r1.problem);
    // 调查核实: 20 working days from Thu 2026-11-05: Nov 5,6 (2), 9–13 (7), 16–20 (12), 23–27 (17), Nov 30, Dec 1, 2 (20)
    expect(r1.state).toMatchObject({
      currentStep: 'investigate',
      dueOn: '2026-12-02',
      trail: ['accept', 'investigate'],
    });
    expect(r1.event).toMatchObject({
      step: 'accept',
      action: 'approve',
      actorId: 'od-2',
      toStep: 'investigate',
      toStatus: 'open',
    });

    const r2 = applyAction(
      tolerance,
      r1.state,
      { action: 'approve', actor: orgdeptDistrict, at: '2026-11-20T02:00:00.000Z', comment: ' 属实 ' },
      weekdays,
    );
    if (!r2.ok) throw new Error(r2.problem);
    // 联席会议研究: 10 working days from Mon 2026-11-23: 23–27 (5), Nov 30–Dec 4 (10)
    expect(r2.state).toMatchObject({ currentStep: 'committee', dueOn: '2026-12-04' });
    expect(r2.event.comment).toBe('属实');

    // only a member of the committee decides
    expect(
      applyAction(
        tolerance,
        r2.state,
        { action: 'decide', actor: orgdeptDistrict, at: '2026-11-25T00:00:00.000Z', comment: '免责' },
        weekdays,
      ),
    ).toEqual({ ok: false, problem: 'CASE_NOT_YOUR_STEP' });
    expect(
      applyAction(
        tolerance,
        r2.state,
        { action: 'decide', actor: member, at: '2026-11-25T00:00:00.000Z', comment: '  ' },
        weekdays,
      ),
    ).toEqual({ ok: false, problem: 'CASE_COMMENT_REQUIRED' });
    expect(allowedActions(tolerance, r2.state, member).map((a) => a.action)).toEqual([
      'decide',
      'return',
      'comment',
    ]);
    expect(allowedActions(tolerance, r2.state, orgdeptDistrict)).toEqual([]);

    const r3 = applyAction(
      tolerance,
      r2.state,
      { action: 'decide', actor: member, at: '2026-11-25T00:00:00.000Z', comment: '免责' },
      weekdays,
    );
    if (!r3.ok) throw new Error(r3.problem);
    expect(r3.state).toMatchObject({
      status: 'done',
      currentStep: null,
      dueOn: null,
      since: '2026-11-25T00:00:00.000Z',
    });
    expect(r3.event).toMatchObject({ step: 'committee', action: 'decide', toStep: null, toStatus: 'done' });
    expect(
      applyAction(
        tolerance,
        r3.state,
        { action: 'comment', actor: member, at: '2026-11-26T00:00:00.000Z', comment: 'x' },
        weekdays,
      ),
    ).toEqual({ ok: false, problem: 'CASE_CLOSED' });
    expect(allowedActions(tolerance, r3.state, member)).toEqual([]);
  });

  it('role steps follow the case unit: another street, a role the kind does not name, and 仅本人 cannot act', () => {
    const { state } = startCase(tolerance, parties, '2026-11-02T01:00:00.000Z', weekdays);
    for (const a of [orgdeptOtherStreet, streetAdmin])
      expect(
        applyAction(
          tolerance,
          state,
          { action: 'approve', actor: a, at: '2026-11-03T00:00:00.000Z' },
          weekdays,
        ),
      ).toEqual({ ok: false, problem: 'CASE_NOT_YOUR_STEP' });
    const selfOrgdept = actor('od-9', ['orgdept'], 'self', STREET);
    expect(allowedActions(tolerance, state, selfOrgdept)).toEqual([]);
    // the applicant may withdraw (an action with its own actor) but not accept
    expect(allowedActions(tolerance, state, applicant).map((a) => a.action)).toEqual(['withdraw']);
    expect(
      applyAction(
        tolerance,
        state,
        { action: 'decide', actor: applicant, at: '2026-11-03T00:00:00.000Z' },
        weekdays,
      ),
    ).toEqual({ ok: false, problem: 'CASE_ACTION_NOT_ALLOWED' });
    const w = applyAction(
      tolerance,
      state,
      { action: 'withdraw', actor: applicant, at: '2026-11-03T00:00:00.000Z' },
      weekdays,
    );
    expect(w.ok && w.state.status).toBe('withdrawn');
  });

  it('return goes back to the step before, with a fresh deadline; stay keeps step and deadline', () => {
    const s0 = startCase(appeal, parties, '2026-11-02T01:00:00.000Z', weekdays).state;
    expect(s0).toMatchObject({ currentStep: 'submit', dueOn: null });
    expect(
      applyAction(
        appeal,
        s0,
        { action: 'submit', actor: applicant, at: '2026-11-02T02:00:00.000Z' },
        weekdays,
      ),
    ).toEqual({ ok: false, problem: 'CASE_COMMENT_REQUIRED' });
    const r1 = applyAction(
      appeal,
      s0,
      { action: 'submit', actor: applicant, at: '2026-11-02T02:00:00.000Z', comment: '等次有误' },
      weekdays,
    );
    if (!r1.ok) throw new Error(r1.problem);
    // 复核: 20 working days from Tue 2026-11-03: Nov 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), Nov 30 (20)
    expect(r1.state).toMatchObject({ currentStep: 'review', dueOn: '2026-11-30' });
    const back = applyAction(
      appeal,
      r1.state,
      { action: 'return', actor: orgdeptDistrict, at: '2026-11-10T02:00:00.000Z', comment: '补充材料' },
      weekdays,
    );
    if (!back.ok) throw new Error(back.problem);
    expect(back.state).toMatchObject({
      currentStep: 'submit',
      trail: ['submit'],
      dueOn: null,
      since: '2026-11-10T02:00:00.000Z',
    });

    const clar = kinds.clarification!;
    const c0 = startCase(clar, parties, '2026-11-02T01:00:00.000Z', weekdays).state;
    const discipline = actor('dj-1', ['discipline'], 'all', 'QY');
    const stay = applyAction(
      clar,
      c0,
      { action: 'comment', actor: discipline, at: '2026-11-05T00:00:00.000Z', comment: '约谈举报人' },
      weekdays,
    );
    if (!stay.ok) throw new Error(stay.problem);
    expect(stay.state).toBe(c0);
    expect(stay.event).toMatchObject({
      action: 'comment',
      step: 'verify',
      toStep: 'verify',
      toStatus: 'open',
    });
  });

  it('waits for the step’s actor only: the applicant’s right to withdraw does not put it in their 待办', () => {
    const s0 = startCase(tolerance, parties, '2026-11-02T01:00:00.000Z', weekdays).state;
    expect(isPendingFor(tolerance, s0, orgdeptStreet)).toBe(true);
    expect(isPendingFor(tolerance, s0, applicant)).toBe(false);
    expect(pendingRecipients(tolerance, s0)).toEqual({ userIds: [], roles: ['orgdept'] });
    const atCommittee: CaseState = {
      ...s0,
      currentStep: 'committee',
      trail: ['accept', 'investigate', 'committee'],
    };
    expect(isPendingFor(tolerance, atCommittee, member)).toBe(true);
    expect(pendingRecipients(tolerance, atCommittee)).toEqual({
      userIds: ['member-1', 'member-2'],
      roles: [],
    });
    const a0 = startCase(appeal, parties, '2026-11-02T01:00:00.000Z', weekdays).state;
    expect(isPendingFor(appeal, a0, applicant)).toBe(true);
    expect(pendingRecipients(appeal, a0)).toEqual({ userIds: ['applicant-1'], roles: [] });
    expect(pendingRecipients(appeal, { ...a0, status: 'done', currentStep: null })).toEqual({
      userIds: [],
      roles: [],
    });
  });

  it('marks a case overdue from the day after its last day, never once closed', () => {
    const s: Pick<CaseState, 'status' | 'dueOn'> = { status: 'open', dueOn: '2026-11-09' };
    expect(isOverdue(s, '2026-11-09')).toBe(false);
    expect(isOverdue(s, '2026-11-10')).toBe(true);
    expect(isOverdue({ status: 'done', dueOn: '2026-11-09' }, '2026-11-10')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: null }, '2030-01-01')).toBe(false);
  });

  it('readers: a confidential kind its named roles and actors; an open kind every business role', () => {
    expect(caseReaderRoles(tolerance)).toEqual(['discipline', 'orgdept']);
    expect(caseReaderRoles(appeal, ['leader'])).toEqual(['leader', 'orgdept']);
    const open: CaseKind = { ...appeal, confidential: false, readerRoles: [] };
    expect(caseReaderRoles(open)).toEqual(['discipline', 'leader', 'orgdept', 'unit_admin']);
  });

  it('refuses a kind whose action leads nowhere, a duplicate step, or `previous` at the first step', () => {
    const bad = {
      name: 'x',
      confidential: true,
      steps: [
        {
          id: 'a',
          name: 'A',
          actor: { by: 'applicant' },
          actions: [{ action: 'submit', to: 'previous' }],
          deadlineWorkingDays: null,
        },
        {
          id: 'a',
          name: 'B',
          actor: { by: 'applicant' },
          actions: [{ action: 'approve', to: 'nowhere' }],
          deadlineWorkingDays: 3,
        },
      ],
    };
    const r = CaseKindSchema.safeParse(bad);
    expect((r.error?.issues ?? []).map((i) => `${i.path.join('/')}: ${i.message}`)).toEqual([
      'steps/0/actions/0/to: 第一个环节没有上一环节',
      'steps/1/id: 环节编号 a 重复',
      'steps/1/actions/0/to: 操作 approve 指向的环节 nowhere 不存在',
    ]);
  });
});
