import { PURPOSE_NAMES, type DisciplineSection, type Effect, type KnownPurpose } from '@ganbu/core';
import { Alert, Card, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { sourceText } from '../labels.ts';

const purposeName = (p: string) => PURPOSE_NAMES[p as KnownPurpose] ?? p;

/**
 * The pack's `discipline` section, read-only: the record kinds, one table of effects per kind (grade,
 * purposes, duration, rule, source), what tolerance decisions do, pending reports and the early-warning
 * rules — each with its source. (Editing it in the form is not built: it is shown, not edited.)
 */
export function DisciplineView({
  section,
  readOnlyNote,
}: {
  section: DisciplineSection;
  readOnlyNote?: boolean;
}) {
  const { t } = useTranslation();
  const d = 'assessment.discipline';
  const kindName = new Map(section.kinds.map((k) => [k.code, k.name]));
  const gradeName = (kind: string, grade: string | null) =>
    grade === null
      ? t(`${d}.anyGrade`)
      : (section.kinds.find((k) => k.code === kind)?.grades.find((g) => g.code === grade)?.name ?? grade);
  const duration = (e: Effect) =>
    e.duration.type === 'months'
      ? t(`${d}.months`, { months: e.duration.months })
      : e.duration.type === 'endOfYear'
        ? t(`${d}.endOfYear`)
        : t(`${d}.permanent`);
  const columns: ColumnsType<Effect> = [
    { title: t(`${d}.grade`), key: 'grade', width: 120, render: (_, e) => gradeName(e.kind, e.grade) },
    {
      title: t(`${d}.purposes`),
      key: 'purposes',
      width: 200,
      render: (_, e) => (
        <Flex gap={4} wrap>
          {e.purposes.map((p) => (
            <Tag key={p}>{purposeName(p)}</Tag>
          ))}
        </Flex>
      ),
    },
    { title: t(`${d}.duration`), key: 'duration', width: 140, render: (_, e) => duration(e) },
    {
      title: t(`${d}.rule`),
      key: 'rule',
      render: (_, e) => (
        <>
          <span>{e.rule}</span>
          <Typography.Text
            type="secondary"
            style={{ display: 'block', fontSize: 12 }}
            data-testid="pack-source"
          >
            {sourceText(t, e.source)}
            {'note' in e.source && e.source.note ? `（${e.source.note}）` : ''}
          </Typography.Text>
        </>
      ),
    },
  ];
  const kindsWithEffects = section.kinds.filter((k) => section.effects.some((e) => e.kind === k.code));
  const names = (kinds: string[]) => kinds.map((k) => kindName.get(k) ?? k).join('、');
  const roles = (rs: string[]) =>
    rs.map((r) => t(`roles.${r}` as 'roles.orgdept', { defaultValue: r })).join('、');
  const tol = section.tolerance;
  return (
    <Card size="small" title={t(`${d}.title`)} data-testid="pack-discipline">
      <Flex vertical gap={12}>
        {readOnlyNote ? <Alert type="info" showIcon title={t(`${d}.readOnly`)} /> : null}
        <div>
          <Typography.Text strong>{t(`${d}.kinds`)}</Typography.Text>
          <Flex vertical gap={2} style={{ marginTop: 4 }}>
            {section.kinds.map((k) => (
              <span key={k.code}>
                <Typography.Text>{k.name}</Typography.Text>
                {k.grades.length ? (
                  <Typography.Text type="secondary">
                    ：{k.grades.map((g) => g.name).join('、')}
                  </Typography.Text>
                ) : null}
              </span>
            ))}
          </Flex>
        </div>
        <Typography.Text strong>{t(`${d}.effects`)}</Typography.Text>
        {kindsWithEffects.map((k) => (
          <div key={k.code} data-testid={`pack-discipline-kind-${k.code}`}>
            <Typography.Text>{k.name}</Typography.Text>
            <Table<Effect>
              size="small"
              rowKey="id"
              pagination={false}
              columns={columns}
              dataSource={section.effects.filter((e) => e.kind === k.code)}
              scroll={{ x: 720 }}
            />
          </div>
        ))}
        <div>
          <Typography.Text strong>{t(`${d}.tolerance`)}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            <li>
              {t(`${d}.exempt`)}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {sourceText(t, tol.exemptSource)}
              </Typography.Text>
            </li>
            {(['lighter', 'mitigated'] as const).map((o) => (
              <li key={o}>
                {t(`${d}.outcome`, {
                  name: t(`${d}.${o}`),
                  percent: tol[o].monthsPercent,
                  endOfYear: t(`${d}.${tol[o].endOfYear}`),
                  permanent: t(`${d}.${tol[o].permanent}`),
                })}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {sourceText(t, tol[o].source)}
                </Typography.Text>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <Typography.Text strong>{t(`${d}.pendingReport`)}</Typography.Text>
          <div>
            {t(`${d}.pendingReportText`, {
              rule: section.pendingReport.rule,
              purposes: section.pendingReport.purposes.map(purposeName).join('、'),
            })}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {sourceText(t, section.pendingReport.source)}
          </Typography.Text>
        </div>
        <div>
          <Typography.Text strong>{t(`${d}.warnings`)}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {section.warnings.map((w) => (
              <li key={w.id}>
                {w.name}：
                {w.type === 'countInWindow'
                  ? t(`${d}.countInWindow`, {
                      months: w.months,
                      count: w.count,
                      kinds: names(w.kinds),
                      notify: roles(w.notify),
                    })
                  : t(`${d}.recordDuring`, {
                      process: purposeName(w.process),
                      kinds: names(w.kinds),
                      notify: roles(w.notify),
                    })}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {sourceText(t, w.source)}
                </Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      </Flex>
    </Card>
  );
}
