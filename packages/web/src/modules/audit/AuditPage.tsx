import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  auditActionLabel,
  auditObjectTypeLabel,
  ROLES,
  type AuditEntry,
  type AuditLocale,
  type Role,
} from '@ganbu/core';
import { Alert, Button, Card, Col, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { auditExportUrl, useAuditList, useAuditVerify, type AuditFilters } from '../../hooks/api/audit.ts';
import { formatDateTime } from '../../lib/format.ts';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';

function isRole(r: string): r is Role {
  return (ROLES as readonly string[]).includes(r);
}

function JsonBlock({ value, empty }: { value: unknown; empty: string }) {
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** 审计日志: filter, page, inspect before/after, export and verify the hash chain. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  // actions and object types are named by core's label table (the Excel export uses the same one)
  const locale: AuditLocale = i18n.language === 'en' ? 'en' : 'zh';
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const list = useAuditList({ ...filters, page, pageSize });
  const verify = useAuditVerify();

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUsername',
      width: 130,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.actorRoles'),
      dataIndex: 'actorRoles',
      width: 160,
      render: (roles: string[]) =>
        roles.map((r) => (
          <Tag key={r} style={{ marginInlineEnd: 4 }}>
            {isRole(r) ? t(`roles.${r}`) : r}
          </Tag>
        )),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 230,
      render: (v: string) => (
        <>
          <div data-testid="audit-action-label">{auditActionLabel(v, locale)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('audit.objectType'),
      dataIndex: 'objectType',
      width: 110,
      render: (v: string | null, e) => auditObjectTypeLabel(v, e.action, locale) ?? t('common.empty'),
    },
    {
      title: t('audit.objectId'),
      dataIndex: 'objectId',
      width: 160,
      ellipsis: true,
      render: (v: string | null) =>
        v ? <Typography.Text copyable={{ text: v }}>{v}</Typography.Text> : t('common.empty'),
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 90,
      render: (v: AuditEntry['result']) =>
        v === 'success' ? (
          <Tag color="success">{t('audit.success')}</Tag>
        ) : (
          <Tag color="error">{t('audit.failure')}</Tag>
        ),
    },
    {
      title: t('audit.clientAddress'),
      dataIndex: 'clientAddress',
      width: 140,
      render: (v: string | null) => v ?? t('common.empty'),
    },
  ];

  const verifyResult = verify.data;

  return (
    <PageContainer
      title={t('audit.title')}
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={auditExportUrl(filters)} data-testid="audit-export">
            {t('audit.export')}
          </Button>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <AuditFiltersForm
          locale={locale}
          onSearch={(f) => {
            setFilters(f);
            setPage(1);
          }}
        />
      </Card>
      {verifyResult ? (
        <Alert
          closable={{ onClose: () => verify.reset() }}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="audit-verify-result"
          type={verifyResult.ok ? 'success' : 'error'}
          title={t('audit.verifyTitle')}
          description={
            verifyResult.ok
              ? t('audit.verifyOk', { checked: verifyResult.checked })
              : t('audit.verifyBroken', {
                  checked: verifyResult.checked,
                  id: verifyResult.firstBrokenId ?? t('common.empty'),
                })
          }
        />
      ) : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card size="small">
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1340 }}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (e) => (
              <Row gutter={[16, 8]}>
                <Col xs={24} lg={12}>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <JsonBlock value={e.before} empty={t('audit.noData')} />
                </Col>
                <Col xs={24} lg={12}>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <JsonBlock value={e.after} empty={t('audit.noData')} />
                </Col>
                <Col span={24}>
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {t('audit.hash')}: {e.hash}
                  </Typography.Text>
                </Col>
              </Row>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
    </PageContainer>
  );
}

export default AuditPage;
