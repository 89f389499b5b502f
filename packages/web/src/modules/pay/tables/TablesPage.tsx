import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { can, chinaToday, PAY_TABLE_KINDS } from '@ganbu/core';
import { Alert, Button, Card, Flex, Select, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { templateUrl, usePayTable } from './api.ts';
import { ImportModal } from './ImportModal.tsx';
import { StatisticsCard } from './StatisticsCard.tsx';
import { TableEditor } from './TableEditor.tsx';

const FIRST_YEAR = 2015;

/**
 * 报酬基数与统计数据 (组织部): the district's pay tables of a year — 职级基数, 绩效奖基数, 村干部岗位补贴基数 —
 * edited in 元 or imported from the Excel template, and the statistics a policy refers to.
 */
export function TablesPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canEdit = can(me.roles, 'pay.tables');
  const [search, setSearch] = useSearchParams();
  const thisYear = Number(chinaToday(new Date()).slice(0, 4));
  const asked = Number(search.get('year'));
  const year = asked >= FIRST_YEAR && asked <= thisYear + 1 ? asked : thisYear;
  const kind = PAY_TABLE_KINDS.find((k) => k === search.get('kind')) ?? 'rank-base';
  const [importing, setImporting] = useState(false);
  const table = usePayTable(year);

  const years = Array.from({ length: thisYear + 1 - FIRST_YEAR + 1 }, (_, i) => thisYear + 1 - i).map(
    (y) => ({
      value: y,
      label: t('pay.tables.year', { year: y }),
    }),
  );

  return (
    <PageContainer
      title={t('pay.tables.title')}
      extra={
        <>
          <Select
            value={year}
            options={years}
            onChange={(y) => setSearch({ year: String(y), kind }, { replace: true })}
            style={{ width: 130 }}
            aria-label={t('pay.tables.yearLabel')}
            data-testid="pay-tables-year"
          />
          {canEdit ? (
            <>
              <Button icon={<FileExcelOutlined />} href={templateUrl(year)} data-testid="pay-tables-template">
                {t('pay.tables.downloadTemplate')}
              </Button>
              <Button
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="pay-tables-import"
              >
                {t('pay.tables.importExcel')}
              </Button>
            </>
          ) : null}
        </>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('pay.tables.intro')}
        </Typography.Paragraph>
        {canEdit ? null : <Alert type="info" showIcon title={t('pay.tables.readOnly')} />}
        <Card>
          {table.isError ? <QueryError error={table.error} onRetry={() => void table.refetch()} /> : null}
          {table.isLoading ? <Spin /> : null}
          {table.data ? (
            <Tabs
              activeKey={kind}
              onChange={(k) => setSearch({ year: String(year), kind: k }, { replace: true })}
              items={PAY_TABLE_KINDS.map((k) => ({
                key: k,
                label: <span data-testid={`pay-tab-${k}`}>{t(`pay.tables.kinds.${k}`)}</span>,
                // keyed by year: a year's edits never carry over to another
                children: <TableEditor key={`${year}-${k}`} view={table.data} kind={k} canEdit={canEdit} />,
              }))}
            />
          ) : null}
        </Card>
        <StatisticsCard canEdit={canEdit} year={year} />
      </Flex>
      <ImportModal year={year} open={importing} onClose={() => setImporting(false)} />
    </PageContainer>
  );
}

export default TablesPage;
