import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Flex, Input, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';

interface Page<T> {
  items: T[];
  total: number;
}

interface RegisterListProps<T> {
  /** the register's own filters, shown before the search box */
  filters?: ReactNode;
  searchPlaceholder: string;
  /** the trimmed search text; the page goes back to 1 */
  onSearch: (q: string) => void;
  query: UseQueryResult<Page<T>>;
  columns: TableColumnsType<T>;
  testId: string;
  page: number;
  pageSize: number;
  /** the page (and, when `sizeChanger`, the page size) the user picked */
  onPage: (page: number, pageSize: number) => void;
  sizeChanger?: boolean;
}

/**
 * The body of a register page of 从严管理 (records, filings, tolerance cases, clarifications): a filter card
 * (the register's filters, then a search box), the query's error, and the paged table.
 */
export function RegisterList<T extends { id: string }>(props: RegisterListProps<T>) {
  const { t } = useTranslation();
  const { query } = props;
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          {props.filters}
          <Input.Search
            allowClear
            enterButton={t('common.search')}
            placeholder={props.searchPlaceholder}
            style={{ maxWidth: props.filters ? 280 : 360 }}
            onSearch={(v) => props.onSearch(v.trim())}
          />
        </Flex>
      </Card>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Card size="small">
        <Table<T>
          rowKey="id"
          size="middle"
          columns={props.columns}
          dataSource={query.data?.items}
          loading={query.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid={props.testId}
          pagination={{
            current: props.page,
            pageSize: props.pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: props.sizeChanger ?? false,
            showTotal: (total) => t('common.total', { total }),
            onChange: props.onPage,
          }}
        />
      </Card>
    </>
  );
}
