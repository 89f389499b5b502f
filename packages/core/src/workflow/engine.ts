import { isAdminRole, ROLES, type Role } from '../platform/roles.ts';
import { chinaToday } from '../calendar/today.ts';
import { orgVisible, type Scope } from '../platform/scope.ts';
import type { CaseAction, CaseActionRule, CaseActorRule, CaseKind, CaseStep, CaseTerminal } from './kind.ts';

/**
 * The case workflow engine, pure: a case's state, who may take which action at its current step, and the
 * state an action leads to, with the event that records it. No storage, no clock, no calendar of its own:
 * working-day arithmetic comes in as a function (the calendar module's `addWorkingDays`).
 */

/** The date on which a period of `n` working days starting on `from` (YYYY-MM-DD) ends. */
export type AddWorkingDays = (from: string, n: number) => string;

export type CaseStatus = 'open' | CaseTerminal;

/** Who a case concerns and who is named on it: fixed when it opens. */
export interface CaseParties {
  /** the case unit's org path (scope of role-based steps) */
  orgPath: string;
  /** user id of the person who opened it (the applicant) */
  openedBy: string;
  subjectCadreId: string | null;
  /** named persons by group (e.g. `committee`: 联席会议成员) */
  members: readonly { group: string; userIds: readonly string[] }[];
}

export interface CaseState extends CaseParties {
  status: CaseStatus;
  /** the step waiting for an action; null once the case is closed */
  currentStep: string | null;
  /** the steps entered, oldest first (`previous` goes back along it); the last is the current one */
  trail: readonly string[];
  /** when the current step was entered, or the case closed (ISO timestamp) */
  since: string;
  /** the current step's deadline (last day, inclusive); null: no deadline or closed */
  dueOn: string | null;
}

/** The person acting, as the engine needs them. */
export interface CaseActor {
  userId: string;
  roles: readonly Role[];
  scope: Scope;
}

/** One transition, as the case's timeline keeps it. */
export interface CaseEvent {
  /** the step the action was taken at (the first step for `open`) */
  step: string;
  action: CaseAction | 'open';
  actorId: string;
  at: string;
  comment: string;
  toStep: string | null;
  toStatus: CaseStatus;
}

export const CASE_PROBLEMS = [
  'CASE_ACTION_NOT_ALLOWED',
  'CASE_NOT_YOUR_STEP',
  'CASE_CLOSED',
  'CASE_COMMENT_REQUIRED',
] as const;
export type CaseProblem = (typeof CASE_PROBLEMS)[number];

/** Chinese messages of the problems (the API's `message`; the web maps the code). */
export const CASE_PROBLEM_TEXT: Record<CaseProblem, string> = {
  CASE_ACTION_NOT_ALLOWED: '当前环节不能进行该操作',
  CASE_NOT_YOUR_STEP: '您不是当前环节的办理人',
  CASE_CLOSED: '该事项已办结，不能再操作',
  CASE_COMMENT_REQUIRED: '该操作须填写意见',
};

/** The day in China of an instant: a step entered at 20:00 UTC starts on the next Beijing day. */
const dayOf = (at: string) => chinaToday(new Date(at));

/** The calendar day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The last day of a step entered at `at` with a limit of `n` working days. The day the step starts is not
 * counted (《民法典》第二百零一条: a period counted in days starts on the next day), so a step entered on
 * Monday 2026-11-02 with 5 working days ends on Monday 2026-11-09 (Tue–Fri, then Mon) when no holiday falls
 * in between.
 */
export function stepDueOn(at: string, n: number | null, addWorkingDays: AddWorkingDays): string | null {
  return n === null ? null : addWorkingDays(nextDay(dayOf(at)), n);
}

function stepOf(kind: CaseKind, id: string | null): CaseStep | undefined {
  return kind.steps.find((s) => s.id === id);
}

/** May `actor` act as `rule` says on a case with these parties? */
export function actorMatches(rule: CaseActorRule, parties: CaseParties, actor: CaseActor): boolean {
  switch (rule.by) {
    case 'role':
      return (
        actor.roles.includes(rule.role) &&
        (rule.scope === 'all' || (actor.scope.mode !== 'self' && orgVisible(actor.scope, parties.orgPath)))
      );
    case 'applicant':
      return actor.userId === parties.openedBy;
    case 'members':
      return parties.members.some((m) => m.group === rule.group && m.userIds.includes(actor.userId));
  }
}

/** A case of `kind` opened at `at` (ISO timestamp): at its first step, with that step's deadline. */
export function startCase(
  kind: CaseKind,
  parties: CaseParties,
  at: string,
  addWorkingDays: AddWorkingDays,
): { state: CaseState; event: CaseEvent } {
  const first = kind.steps[0] as CaseStep;
  const state: CaseState = {
    ...parties,
    status: 'open',
    currentStep: first.id,
    trail: [first.id],
    since: at,
    dueOn: stepDueOn(at, first.deadlineWorkingDays, addWorkingDays),
  };
  const event: CaseEvent = {
    step: first.id,
    action: 'open',
    actorId: parties.openedBy,
    at,
    comment: '',
    toStep: first.id,
    toStatus: 'open',
  };
  return { state, event };
}

/** The actions `actor` may take at the case's current step (none once it is closed). */
export function allowedActions(kind: CaseKind, state: CaseState, actor: CaseActor): CaseActionRule[] {
  if (state.status !== 'open') return [];
  const step = stepOf(kind, state.currentStep);
  if (!step) return [];
  return step.actions.filter((a) => actorMatches(a.by ?? step.actor, state, actor));
}

/**
 * Is the case waiting for `actor` (in their 待办)? Only when they are the current step's actor — an action
 * open to someone else at the step (the applicant's withdrawal) does not make it theirs.
 */
export function isPendingFor(kind: CaseKind, state: CaseState, actor: CaseActor): boolean {
  if (state.status !== 'open') return false;
  const step = stepOf(kind, state.currentStep);
  return step !== undefined && actorMatches(step.actor, state, actor);
}

/** Who the current step waits for: named users, or the holders of a role (within the case unit's subtree). */
export function pendingRecipients(kind: CaseKind, state: CaseState): { userIds: string[]; roles: Role[] } {
  const step = state.status === 'open' ? stepOf(kind, state.currentStep) : undefined;
  switch (step?.actor.by) {
    case undefined:
      return { userIds: [], roles: [] };
    case 'role':
      return { userIds: [], roles: [step.actor.role] };
    case 'applicant':
      return { userIds: [state.openedBy], roles: [] };
    case 'members': {
      const group = step.actor.group;
      return {
        userIds: state.members.filter((m) => m.group === group).flatMap((m) => [...m.userIds]),
        roles: [],
      };
    }
  }
}

export type ApplyResult =
  { ok: true; state: CaseState; event: CaseEvent } | { ok: false; problem: CaseProblem };

/**
 * Take `action` at the case's current step: refused with a stable problem when the case is closed, the step
 * has no such action, the actor is not the one who takes it, or a required comment is missing; otherwise
 * the new state (entering a step sets its deadline afresh) and the event.
 */
export function applyAction(
  kind: CaseKind,
  state: CaseState,
  input: { action: CaseAction; actor: CaseActor; at: string; comment?: string | null },
  addWorkingDays: AddWorkingDays,
): ApplyResult {
  if (state.status !== 'open') return { ok: false, problem: 'CASE_CLOSED' };
  const step = stepOf(kind, state.currentStep);
  const rule = step?.actions.find((a) => a.action === input.action);
  if (!step || !rule) return { ok: false, problem: 'CASE_ACTION_NOT_ALLOWED' };
  if (!actorMatches(rule.by ?? step.actor, state, input.actor))
    return { ok: false, problem: 'CASE_NOT_YOUR_STEP' };
  const comment = (input.comment ?? '').trim();
  if (rule.commentRequired && !comment) return { ok: false, problem: 'CASE_COMMENT_REQUIRED' };

  let next: CaseState;
  if (rule.to === 'stay') {
    next = state;
  } else if (rule.to === 'done' || rule.to === 'rejected' || rule.to === 'withdrawn') {
    next = { ...state, status: rule.to, currentStep: null, since: input.at, dueOn: null };
  } else {
    const trail = rule.to === 'previous' ? state.trail.slice(0, -1) : [...state.trail, rule.to];
    const target = stepOf(kind, trail.at(-1) ?? null);
    if (!target) return { ok: false, problem: 'CASE_ACTION_NOT_ALLOWED' };
    next = {
      ...state,
      currentStep: target.id,
      trail,
      since: input.at,
      dueOn: stepDueOn(input.at, target.deadlineWorkingDays, addWorkingDays),
    };
  }
  const event: CaseEvent = {
    step: step.id,
    action: input.action,
    actorId: input.actor.userId,
    at: input.at,
    comment,
    toStep: next.currentStep,
    toStatus: next.status,
  };
  return { ok: true, state: next, event };
}

/** Is the case past its current step's deadline on `today` (the last day itself is not overdue)? */
export function isOverdue(state: Pick<CaseState, 'status' | 'dueOn'>, today: string): boolean {
  return state.status === 'open' && state.dueOn !== null && today > state.dueOn;
}

/**
 * The roles that read a case of `kind` in its unit's subtree: the kind's reader roles and every role that
 * acts at one of its steps (whoever acts must be able to read), or every business role when the kind is not
 * confidential. `extra`: roles the opening module adds.
 */
export function caseReaderRoles(kind: CaseKind, extra: readonly Role[] = []): Role[] {
  const roles = new Set<Role>([...kind.readerRoles, ...extra]);
  // not confidential: every business role whose scope covers the unit reads it (a cadre reads only the
  // cases they opened or are the subject of; the three administrators read no business data)
  if (!kind.confidential) for (const r of ROLES) if (!isAdminRole(r) && r !== 'cadre') roles.add(r);
  for (const s of kind.steps) {
    if (s.actor.by === 'role') roles.add(s.actor.role);
    for (const a of s.actions) if (a.by?.by === 'role') roles.add(a.by.role);
  }
  return [...roles].sort();
}
