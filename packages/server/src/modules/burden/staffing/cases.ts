import { onCaseTransition } from '../../workflow/service.ts';
import { setCaseStatus } from './repository.ts';

/** the overdue-return reminder of one borrowing, in the street's and 组织部's inbox */
export const BORROWING_OVERDUE_NOTICE = (borrowingId: string) => `burden.borrowing_overdue:${borrowingId}`;

const registered = new Set<string>();

/**
 * What the burden module does on its `borrowing` cases' transitions: the case's outcome (done: in force,
 * rejected, withdrawn) is mirrored on the borrowing row, in the same transaction as the action. Registered
 * when the routes are (the app's start) and by the demo seed before it opens requests.
 */
export function registerBorrowingCaseHandlers(kinds: readonly string[] = ['borrowing']): void {
  for (const kind of kinds) {
    if (registered.has(kind)) continue;
    registered.add(kind);
    onCaseTransition(kind, async (ctx, t) => {
      if (t.case.status !== 'open') await setCaseStatus(ctx.client, t.case.id, t.case.status);
    });
  }
}
