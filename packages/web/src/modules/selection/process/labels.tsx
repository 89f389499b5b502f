import type { SelectionCandidate, SelectionProcess } from '@ganbu/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors.ts';
import { isApiError } from '../../../lib/http.ts';

const STATE_COLOR: Record<SelectionProcess['state'], string> = {
  open: 'processing',
  done: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** The process's state as a tag: 进行中, 已任职, 未通过, 已撤回. */
export function ProcessStateTag({ state }: { state: SelectionProcess['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="process-state">
      {t(`selection.process.state.${state}`)}
    </Tag>
  );
}

const CANDIDATE_COLOR: Record<SelectionCandidate['status'], string> = {
  in: 'blue',
  out: 'default',
  chosen: 'gold',
  appointed: 'green',
};

/** A candidate's standing: 在列, 已出列, 拟任, 已任职. */
export function CandidateStatusTag({ status }: { status: SelectionCandidate['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={CANDIDATE_COLOR[status]} data-testid="candidate-status">
      {t(`selection.process.candidateStatus.${status}`)}
    </Tag>
  );
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/**
 * An API error in words: the code's Chinese text, the server's own sentence when it says more (a hard stop
 * names the unmet conditions, a short notice names the pack's days) and any reasons it lists.
 */
export function selectionErrorText(err: unknown): { title: string; details: string[] } {
  const title = errorMessage(err);
  if (!isApiError(err)) return { title, details: [] };
  const details: string[] = [];
  if (err.message && err.message !== title && hasChinese(err.message)) details.push(err.message);
  const listed = Array.isArray(err.details)
    ? err.details
    : err.details && typeof err.details === 'object' && 'reasons' in err.details
      ? err.details.reasons
      : [];
  if (Array.isArray(listed))
    for (const d of listed) if (typeof d === 'string' && !details.some((x) => x.includes(d))) details.push(d);
  return { title, details };
}
