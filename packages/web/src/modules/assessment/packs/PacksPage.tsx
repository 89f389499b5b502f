import type { PackDetail, PackSummary } from '@ganbu/core';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePack, usePacks } from '../../../hooks/api/assessment.ts';
import { PackActions, useCanEditPacks } from '../pack-edit/PackActions.tsx';
import { DisciplineView } from './DisciplineView.tsx';
import { GradeScaleView, QuotaRuleView, SchemeView, SourceNote } from './PackParts.tsx';
import { PayView } from './PayView.tsx';
import { SelectionView } from './SelectionView.tsx';
import { WorkflowView } from './WorkflowView.tsx';

/** The version shown first: the latest version of the district's chosen pack. */
export function defaultPackVersion(items: readonly PackSummary[]): PackSummary | undefined {
  const pool = items.some((p) => p.selected) ? items.filter((p) => p.selected) : items;
  return [...pool].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/** One pack version as readable sections; every number with its source. */
function PackView({ detail }: { detail: PackDetail }) {
  const { t } = useTranslation();
  const pack = detail.body;
  const a = pack.assessment;
  return (
    <Flex vertical gap={16} data-testid="pack-view">
      <Card
        size="small"
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="pack-view-name">{pack.name}</span>
            <Tag>{pack.locality}</Tag>
            <Tag color="blue">
              {t('assessment.packs.effectiveFrom')} {pack.version.effectiveFrom}
            </Tag>
            {detail.selected ? <Tag color="green">{t('assessment.packs.selected')}</Tag> : null}
          </Flex>
        }
      >
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'note', label: t('assessment.packs.note'), children: pack.version.note || '—' },
            {
              key: 'general',
              label: t('assessment.packs.general'),
              children: (
                <span>
                  {t('assessment.packs.minGroupSizeShown', { n: a.minGroupSizeShown })}
                  <SourceNote pack={pack} pointer="/assessment/minGroupSizeShown" />
                </span>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('assessment.packs.gradeScales')} data-testid="pack-grade-scales">
        <Flex vertical gap={12}>
          {a.gradeScales.map((scale) => (
            <div key={scale.id}>
              <Typography.Text strong>{scale.name}</Typography.Text>
              <GradeScaleView pack={pack} scale={scale} showSources />
            </div>
          ))}
        </Flex>
      </Card>
      <Card size="small" title={t('assessment.packs.quotaRules')} data-testid="pack-quota-rules">
        {a.quotaRules.length === 0 ? (
          t('assessment.quota.none')
        ) : (
          <Flex vertical gap={12}>
            {a.quotaRules.map((rule) => {
              const scheme = a.schemes.find((s) => s.quotaRuleId === rule.id);
              const scale = a.gradeScales.find((g) => g.id === scheme?.gradeScaleId) ?? a.gradeScales[0];
              const grade = scale?.grades.find((g) => g.code === scale.quotaGrade)?.name ?? '';
              return (
                <div key={rule.id}>
                  <Typography.Text strong>{rule.name}</Typography.Text>
                  <QuotaRuleView pack={pack} rule={rule} scheme={scheme} gradeName={grade} showSources />
                </div>
              );
            })}
          </Flex>
        )}
      </Card>
      {a.schemes.map((scheme) => (
        <Card
          key={scheme.id}
          size="small"
          title={`${t('assessment.packs.schemes')} · ${scheme.name}`}
          data-testid={`pack-scheme-${scheme.id}`}
        >
          <SchemeView pack={pack} scheme={scheme} showSources rulesByName />
        </Card>
      ))}
      <WorkflowView pack={pack} />
      <PayView pack={pack} />
      <SelectionView pack={pack} />
      {pack.discipline ? <DisciplineView section={pack.discipline} /> : null}
    </Flex>
  );
}

/** 政策包: every pack version, the chosen one marked, and one version in full; pack-edit/ adds the actions. */
export function PacksPage() {
  const { t } = useTranslation();
  const packs = usePacks();
  const [search, setSearch] = useSearchParams();
  const items = packs.data ?? [];
  const chosenId = search.get('id') ?? defaultPackVersion(items)?.id;
  const detail = usePack(chosenId);
  const writer = useCanEditPacks();

  const columns: ColumnsType<PackSummary> = [
    {
      key: 'name',
      title: t('assessment.packs.name'),
      render: (_, p) => (
        <Flex gap={6} align="center" wrap>
          <span>{p.name}</span>
          {p.selected ? (
            <Tag color="green" data-testid={`pack-selected-${p.packId}`}>
              {t('assessment.packs.selected')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    { key: 'locality', title: t('assessment.packs.locality'), width: 200, render: (_, p) => p.locality },
    {
      key: 'effectiveFrom',
      title: t('assessment.packs.effectiveFrom'),
      width: 120,
      render: (_, p) => p.effectiveFrom,
    },
    {
      key: 'origin',
      title: t('assessment.packs.origin'),
      width: 100,
      render: (_, p) => t(`assessment.packs.origins.${p.origin}`),
    },
    {
      key: 'view',
      title: t('common.actions'),
      width: 100,
      render: (_, p) =>
        p.id === chosenId ? (
          <Tag color="blue">{t('assessment.packs.viewing')}</Tag>
        ) : (
          <Button
            size="small"
            type="link"
            onClick={() => setSearch({ id: p.id }, { replace: true })}
            data-testid={`pack-view-${p.packId}-${p.effectiveFrom}`}
          >
            {t('assessment.packs.view')}
          </Button>
        ),
    },
  ];

  return (
    <PageContainer
      title={t('assessment.packs.title')}
      extra={<PackActions items={items} viewing={detail.data} />}
    >
      <Flex vertical gap={16}>
        <Alert
          type="info"
          showIcon
          title={writer ? t('assessment.packEdit.intro') : t('assessment.packs.readOnly')}
        />
        {packs.isError ? <QueryError error={packs.error} onRetry={() => void packs.refetch()} /> : null}
        <Card size="small" title={t('assessment.packs.list')}>
          <Table
            rowKey="id"
            size="small"
            loading={packs.isPending}
            columns={columns}
            dataSource={items}
            pagination={false}
            rowClassName={(p) => (p.id === chosenId ? 'ant-table-row-selected' : '')}
            data-testid="packs-table"
          />
        </Card>
        {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
        {detail.data ? <PackView detail={detail.data} /> : chosenId ? <Skeleton active /> : null}
      </Flex>
    </PageContainer>
  );
}

export default PacksPage;
