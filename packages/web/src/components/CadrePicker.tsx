import { CadreListSchema, type CadreListItem } from '@ganbu/core';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/http.ts';

/**
 * One cadre picked from the roster by name (search as you type, 20 at a time, in the user's scope).
 * A form control: `value` is the cadre id.
 */
export function CadrePicker({
  id,
  value,
  onChange,
  testId,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [found, setFound] = useState<CadreListItem[]>([]);
  const [searching, setSearching] = useState(false);
  const known = useRef(new Map<string, string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef('');
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const label = (c: CadreListItem) =>
    t('cadrePicker.option', { name: c.name, org: c.orgName, post: c.postTitle ? ` · ${c.postTitle}` : '' });
  const search = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    latest.current = q;
    if (!q.trim()) {
      setFound([]);
      return;
    }
    timer.current = setTimeout(() => {
      setSearching(true);
      api
        .get(CadreListSchema, '/api/cadres', { q: q.trim(), pageSize: 20, sort: 'name' })
        .then((res) => {
          if (latest.current !== q) return;
          for (const c of res.items) known.current.set(c.id, label(c));
          setFound(res.items);
        })
        .catch(() => setFound([]))
        .finally(() => setSearching(false));
    }, 300);
  };
  const options = [
    ...(value && !found.some((c) => c.id === value)
      ? [{ value, label: known.current.get(value) ?? value }]
      : []),
    ...found.map((c) => ({ value: c.id, label: label(c) })),
  ];
  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      allowClear
      showSearch
      filterOption={false}
      onSearch={search}
      options={options}
      loading={searching}
      notFoundContent={searching ? t('cadrePicker.searching') : null}
      placeholder={t('cadrePicker.placeholder')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
