import type { Scheme } from '@ganbu/core';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { sourceText } from '../labels.ts';

type GradeVote = NonNullable<Scheme['gradeVote']>;
type Condition = Extract<GradeVote['rule'], { method: 'thresholds' }>['results'][number]['when'][number];

/** A value in hundredths (points, percent) → "50" or "33.33". */
const hundredths = (h: number) => (h % 100 === 0 ? String(h / 100) : (h / 100).toFixed(2));

/**
 * A grade ballot's slip and rule (一票一档) on the pack pages: the vote grades with their points, and how
 * the votes become the result — a score from the points, or the grade from the vote shares (按得票率定等次:
 * the conditions in the order they are tested, the last grade taking the rest).
 */
export function GradeVoteView({
  scheme,
  gradeVote,
  showSources,
}: {
  scheme: Scheme;
  gradeVote: GradeVote;
  showSources: boolean;
}) {
  const { t } = useTranslation();
  // the option carries its own sources (the figures' and the rule's)
  const note = (source: GradeVote['gradesSource']) =>
    showSources ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pack-source">
        {sourceText(t, source)}
      </Typography.Text>
    ) : null;
  const nameOf = (code: string) => gradeVote.grades.find((g) => g.code === code)?.name ?? code;
  const condition = (c: Condition) =>
    t(c.op === 'gte' ? 'assessment.scheme.gradeVoteAtLeast' : 'assessment.scheme.gradeVoteAbove', {
      grades: c.grades.map(nameOf).join('+'),
      percent: hundredths(c.percentHundredths),
    });
  const rule = gradeVote.rule;
  return (
    <Flex vertical gap={6} data-testid={`scheme-grade-vote-${scheme.id}`}>
      <Flex wrap gap={4}>
        {gradeVote.grades.map((g) => (
          <Tag key={g.code}>
            {t('assessment.scheme.voteGrade', { name: g.name, points: hundredths(g.pointsHundredths) })}
          </Tag>
        ))}
      </Flex>
      {note(gradeVote.gradesSource)}
      {rule.method === 'points' ? (
        <Typography.Text>{t('assessment.scheme.gradeVotePoints')}</Typography.Text>
      ) : (
        <Flex vertical gap={2} data-testid={`scheme-grade-vote-rule-${scheme.id}`}>
          <Typography.Text>{t('assessment.scheme.gradeVoteThresholds')}</Typography.Text>
          {rule.results.map((r, i) => (
            <Typography.Text key={`${r.grade}-${i}`}>
              {r.when.length
                ? t('assessment.scheme.gradeVoteResult', {
                    n: i + 1,
                    conditions: r.when.map(condition).join(t('assessment.scheme.gradeVoteAnd')),
                    grade: r.name,
                  })
                : t('assessment.scheme.gradeVoteOtherwise', { n: i + 1, grade: r.name })}
            </Typography.Text>
          ))}
        </Flex>
      )}
      {note(rule.source)}
    </Flex>
  );
}
