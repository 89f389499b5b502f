import { caseReaderRoles, shippedPacks, startCase, type Role } from '@ganbu/core';
import { workingDayCounter } from '../../src/modules/workflow/deadlines.ts';
import { appendEvent, insertCase, orgForCase } from '../../src/modules/workflow/repository.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/**
 * An open case of a shipped kind (Fengze's pack, as the demo district chooses) at its first step, written
 * through the module's repository in the system scope, as `openedBy` opened it at `at`.
 */
export async function newCase(
  db: TestDb,
  c: {
    kind?: 'tolerance' | 'clarification' | 'grade_appeal';
    orgId: string;
    openedBy: string;
    title?: string;
    subjectCadreId?: string | null;
    members?: { group: string; userIds: string[] }[];
    readerRoles?: Role[];
    at?: string;
  },
): Promise<string> {
  const pack = shippedPacks().find((p) => p.id === 'fengze')!;
  const kindId = c.kind ?? 'grade_appeal';
  const kind = pack.workflow!.caseKinds[kindId]!;
  const at = c.at ?? '2026-11-02T01:00:00.000Z';
  return asSystem(db, async (client) => {
    const org = await orgForCase(client, c.orgId);
    if (!org) throw new Error(`newCase: no org ${c.orgId}`);
    const members = c.members ?? [];
    const { state, event } = startCase(
      kind,
      { orgPath: org.path, openedBy: c.openedBy, subjectCadreId: c.subjectCadreId ?? null, members },
      at,
      await workingDayCounter(client),
    );
    const id = crypto.randomUUID();
    await insertCase(client, {
      id,
      kind: kindId,
      packId: pack.id,
      packEffectiveFrom: pack.version.effectiveFrom,
      definition: kind,
      orgId: org.id,
      orgPath: org.path,
      subjectCadreId: state.subjectCadreId,
      title: c.title ?? `${kind.name}（测试）`,
      status: state.status,
      currentStep: state.currentStep,
      trail: state.trail,
      stepSince: state.since,
      dueOn: state.dueOn,
      link: null,
      openedBy: c.openedBy,
      openedAt: at,
      readerRoles: caseReaderRoles(kind, c.readerRoles ?? []),
      partyIds: [...new Set([c.openedBy, ...members.flatMap((m) => m.userIds)])],
      members,
    });
    await appendEvent(client, id, { ...event, actorId: c.openedBy, actorName: '发起人' });
    return id;
  });
}
