import type { CadreListItem, CadreListQuery } from '@ganbu/core';
import { Tag, Typography, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { tagLabel } from '../cadre-vocab.ts';

/** Columns that may be shown; 姓名 is always shown. */
export const ROSTER_COLUMN_KEYS = [
  'gender',
  'birthDate',
  'age',
  'orgName',
  'postTitle',
  'rank',
  'category',
  'politicalStatus',
  'education',
  'degree',
  'tags',
  'idNumberMasked',
  'phoneMasked',
] as const;
export type RosterColumnKey = (typeof ROSTER_COLUMN_KEYS)[number];

export const DEFAULT_COLUMNS: readonly RosterColumnKey[] = [
  'gender',
  'birthDate',
  'age',
  'orgName',
  'postTitle',
  'rank',
  'politicalStatus',
  'education',
];

/** Columns whose header sorts on the server, and the sort key they send. */
export const SORT_OF_COLUMN: Partial<Record<string, CadreListQuery['sort']>> = {
  name: 'name',
  birthDate: 'birthDate',
  orgName: 'org',
  rank: 'rank',
};

export function columnTitle(t: TFunction, key: RosterColumnKey | 'name'): string {
  switch (key) {
    case 'name':
      return t('cadres.name');
    case 'gender':
      return t('cadres.gender');
    case 'birthDate':
      return t('cadres.birthDate');
    case 'age':
      return t('cadres.age');
    case 'orgName':
      return t('cadres.org');
    case 'postTitle':
      return t('cadres.postTitle');
    case 'rank':
      return t('cadres.rank');
    case 'category':
      return t('cadres.category');
    case 'politicalStatus':
      return t('cadres.politicalStatus');
    case 'education':
      return t('cadres.education');
    case 'degree':
      return t('cadres.degree');
    case 'tags':
      return t('cadres.tags');
    case 'idNumberMasked':
      return t('cadre.idNumber');
    case 'phoneMasked':
      return t('cadre.phone');
  }
}

const WIDTHS: Partial<Record<RosterColumnKey, number>> = {
  gender: 70,
  birthDate: 110,
  age: 70,
  rank: 120,
  category: 130,
  politicalStatus: 120,
  education: 90,
  degree: 80,
  idNumberMasked: 190,
  phoneMasked: 130,
};

function cellText(v: unknown, empty: string) {
  return typeof v === 'number' || (typeof v === 'string' && v !== '') ? String(v) : empty;
}

/** The visible columns, with the header sort state of `query`. */
export function rosterColumns(
  t: TFunction,
  visible: readonly string[],
  query: CadreListQuery,
): TableColumnsType<CadreListItem> {
  const empty = t('common.empty');
  const sortOrder = (key: string): SortOrder =>
    SORT_OF_COLUMN[key] === query.sort ? (query.order === 'asc' ? 'ascend' : 'descend') : null;
  const sortable = (key: string) =>
    SORT_OF_COLUMN[key] ? { sorter: true, sortOrder: sortOrder(key), showSorterTooltip: false } : {};

  const name: TableColumnsType<CadreListItem>[number] = {
    key: 'name',
    dataIndex: 'name',
    title: columnTitle(t, 'name'),
    width: 110,
    fixed: 'left',
    ...sortable('name'),
    render: (v: string, row) => (
      <Link to={`/cadres/${row.id}`} onClick={(e) => e.stopPropagation()}>
        {v}
      </Link>
    ),
  };

  const rest = ROSTER_COLUMN_KEYS.filter((k) => visible.includes(k)).map(
    (key): TableColumnsType<CadreListItem>[number] => {
      const base = {
        key,
        dataIndex: key,
        title: columnTitle(t, key),
        width: WIDTHS[key],
        ellipsis: !WIDTHS[key],
        ...sortable(key),
      };
      switch (key) {
        case 'gender':
          return { ...base, render: (v: CadreListItem['gender']) => t(`gender.${v}`) };
        case 'category':
          return {
            ...base,
            render: (v: CadreListItem['category']) => (v ? t(`cadreCategories.${v}`) : empty),
          };
        case 'tags':
          return {
            ...base,
            ellipsis: false,
            render: (tags: string[]) =>
              tags.length === 0
                ? empty
                : tags.map((tag) => (
                    <Tag key={tag} style={{ marginInlineEnd: 4 }}>
                      {tagLabel(t, tag)}
                    </Tag>
                  )),
          };
        case 'idNumberMasked':
        case 'phoneMasked':
          return {
            ...base,
            render: (v: string | null) =>
              v ? <Typography.Text type="secondary">{v}</Typography.Text> : empty,
          };
        case 'birthDate':
        case 'age':
        case 'orgName':
        case 'postTitle':
        case 'rank':
        case 'politicalStatus':
        case 'education':
        case 'degree':
          return { ...base, render: (v: unknown) => cellText(v, empty) };
      }
    },
  );
  return [name, ...rest];
}
