import { Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoundResults, TargetResult } from '../../../hooks/api/assessment.ts';

/**
 * One rater group's figure for one target: its mean and ballot count, or only its count and that it is not
 * shown — too few ballots, or hidden beside such a group (complementary suppression, SECURITY 31). `review`
 * adds what the committee needs: the exact fraction, a below-minimum count in red, and a waiver mark (the
 * results tab); the leaderboard shows the plain figure.
 */
export function GroupCell({
  results,
  target,
  groupId,
  testid,
  review,
}: {
  results: RoundResults;
  target: TargetResult;
  groupId: string;
  testid: string;
  review: boolean;
}) {
  const { t } = useTranslation();
  const g = target.explanation?.tally.groups.find((x) => x.groupId === groupId);
  if (!g) return review ? <>—</> : <span data-testid={testid}>—</span>;
  const min = results.minGroupSizeShown;
  if (g.suppressed) {
    // too few ballots, or withheld beside such a group so the total cannot give it away
    const partner = g.suppressedReason === 'complementary';
    const label = partner
      ? review
        ? t('assessment.results.complementaryCell')
        : t('assessment.leaderboard.complementary')
      : review
        ? t('assessment.results.suppressedCell', { min })
        : t('assessment.leaderboard.suppressed', { min });
    return (
      <Tooltip
        title={t(partner ? 'assessment.results.complementaryTip' : 'assessment.results.suppressedTip', {
          count: g.ballotCount,
          min,
        })}
      >
        <Flex vertical>
          <Typography.Text
            type="secondary"
            data-testid={testid}
            data-suppressed={g.suppressedReason ?? 'small'}
          >
            {label}
          </Typography.Text>
          {review && partner ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('assessment.results.groupCell', { count: g.ballotCount })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Tooltip>
    );
  }
  const figure = <span data-testid={testid}>{g.value?.value ?? '—'}</span>;
  return (
    <Flex vertical>
      {review ? (
        <Tooltip
          title={g.value ? t('assessment.results.totalTip', { fraction: g.value.fraction }) : undefined}
        >
          {figure}
        </Tooltip>
      ) : (
        figure
      )}
      <Typography.Text
        type={review && g.belowMinimum && !g.waiver?.applied ? 'danger' : 'secondary'}
        style={{ fontSize: 12 }}
      >
        {t('assessment.results.groupCell', { count: g.ballotCount })}
        {review && g.waiver?.applied ? ` · ${t('assessment.results.waived')}` : ''}
      </Typography.Text>
    </Flex>
  );
}
