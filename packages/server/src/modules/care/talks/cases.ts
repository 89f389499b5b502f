import { onCaseTransition, postNotice, resolveNotices } from '../../workflow/service.ts';

/** the 督办 reminder of one request, in the organisation department's inbox */
export const TALK_REQUEST_NOTICE = (caseId: string) => `care.talk_request:${caseId}`;

/** the kinds registered (the seed and the app's start may both call register) */
const registered = new Set<string>();

/**
 * What the care module does on its `talk_request` cases' transitions (双向约谈). The engine reminds only the
 * step's actor (the leader named in the case); the organisation department, which supervises the answers,
 * gets a 督办 reminder when the request is submitted, carrying the answer step's last day, so its inbox marks
 * it overdue from the next day; it is resolved once the leader answers or the cadre withdraws.
 * Registered once the app is ready, and by the demo seed before it opens requests.
 */
export function registerTalkCaseHandlers(kinds: readonly string[] = ['talk_request']): void {
  for (const kind of kinds) {
    if (registered.has(kind)) continue;
    registered.add(kind);
    onCaseTransition(kind, async (ctx, t) => {
      if (t.event.action === 'submit' && t.case.status === 'open') {
        await postNotice(ctx, {
          kind: 'care.talk_request',
          kindName: '约谈督办',
          title: `督办：${t.case.title}`,
          link: '/care/talks?tab=requests',
          orgId: t.case.orgId,
          recipientRoles: ['orgdept'],
          dueOn: t.case.dueOn,
          sourceKey: TALK_REQUEST_NOTICE(t.case.id),
        });
      } else if (t.case.status !== 'open') {
        await resolveNotices(ctx, TALK_REQUEST_NOTICE(t.case.id));
      }
    });
  }
}
