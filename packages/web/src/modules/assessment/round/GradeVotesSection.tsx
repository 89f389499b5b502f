import type { ExplanationJson } from '@ganbu/core';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';

type GradeVotes = NonNullable<ExplanationJson['gradeVotes']>;
type Row =
  GradeVotes['groups'][number] | (NonNullable<GradeVotes['overall']> & { groupId: string; name: string });

/** Hundredths of a percent → "83.33%". */
const percent = (h: number) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}%`;

/**
 * A grade ballot's votes (一票一档) in the explanation: per shown rater group and over them together, the
 * votes and share of each grade (优秀票率 …), and the pack rule's step as the engine wrote it.
 */
export function GradeVotesSection({ gradeVotes }: { gradeVotes: GradeVotes }) {
  const { t } = useTranslation();
  const grades = gradeVotes.overall?.grades ?? gradeVotes.groups[0]?.grades ?? [];
  const rows: Row[] = [
    ...gradeVotes.groups,
    ...(gradeVotes.overall
      ? [{ ...gradeVotes.overall, groupId: '*', name: t('assessment.explain.gradeVotesAll') }]
      : []),
  ];
  const columns: ColumnsType<Row> = [
    { key: 'name', title: t('assessment.explain.group'), render: (_, r) => r.name },
    { key: 'total', title: t('assessment.explain.gradeVotesTotal'), render: (_, r) => r.total },
    ...grades.map((g, k) => ({
      key: g.code,
      title: g.name,
      render: (_: unknown, r: Row) => {
        const x = r.grades[k];
        return x
          ? t('assessment.explain.gradeVotesCell', { count: x.count, share: percent(x.shareHundredths) })
          : '';
      },
    })),
  ];
  return (
    <div data-testid="explain-grade-votes">
      <Typography.Title level={5}>{t('assessment.explain.gradeVotes')}</Typography.Title>
      <Table
        rowKey="groupId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
      />
      {gradeVotes.groups.map((g) =>
        g.explanation.length > 1 ? (
          <Typography.Paragraph
            key={g.groupId}
            type="secondary"
            style={{ marginTop: 8, marginBottom: 0 }}
            data-testid={`explain-grade-rule-${g.groupId}`}
          >
            {t('assessment.explain.gradeVotesRule', {
              name: g.name,
              rule: g.explanation.slice(1).join('；'),
            })}
          </Typography.Paragraph>
        ) : null,
      )}
      {gradeVotes.overall && gradeVotes.overall.explanation.length > 1 ? (
        // a vote-share rule (按票率定等次) is applied once, to the groups' votes together
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 8, marginBottom: 0 }}
          data-testid="explain-grade-rule-all"
        >
          {t('assessment.explain.gradeVotesRule', {
            name: t('assessment.explain.gradeVotesAll'),
            rule: gradeVotes.overall.explanation.slice(1).join('；'),
          })}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
