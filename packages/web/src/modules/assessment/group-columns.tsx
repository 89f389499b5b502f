import { Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { RoundResults, TargetResult } from '../../hooks/api/assessment.ts';
import { GroupCell } from './round/GroupCell.tsx';

type Group = RoundResults['raterGroups'][number];

/**
 * One column per rater group of a round's results (the results tab and the leaderboard): the group's
 * name in small type with its full name on hover, and its figure for each target (GroupCell).
 */
export function groupColumns({
  results,
  label,
  width,
  testid,
  review,
}: {
  results: RoundResults;
  label: (g: Group) => ReactNode;
  width: number;
  testid: string;
  review: boolean;
}): ColumnsType<TargetResult> {
  return results.raterGroups.map((g) => ({
    key: `group-${g.id}`,
    title: (
      <Tooltip title={g.name}>
        <span style={{ fontSize: 12 }}>{label(g)}</span>
      </Tooltip>
    ),
    width,
    align: 'right' as const,
    render: (_: unknown, x: TargetResult) => (
      <GroupCell
        results={results}
        target={x}
        groupId={g.id}
        testid={`${testid}-${x.id}-${g.id}`}
        review={review}
      />
    ),
  }));
}
