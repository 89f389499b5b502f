import { CadreListSchema, type CadreListItem } from '@ganbu/core';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/http.ts';

type PickerProps = {
  id?: string;
  placeholder?: string;
  testId?: string;
} & (
  | { multiple?: false; value?: string; onChange?: (value: string | undefined) => void }
  | { multiple: true; value?: string[]; onChange?: (value: string[]) => void }
);

/**
 * Cadres picked from the roster by name (search as you type, 20 at a time, in the user's scope); the
 * chosen ones keep their labels while the search changes. A form control: `value` is the cadre id, or
 * the ids with `multiple`.
 */
export function CadrePicker(props: PickerProps) {
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
  const chosen = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const options = [
    ...chosen
      .filter((v) => !found.some((c) => c.id === v))
      .map((v) => ({ value: v, label: known.current.get(v) ?? v })),
    ...found.map((c) => ({ value: c.id, label: label(c) })),
  ];
  const common = {
    id: props.id,
    showSearch: { filterOption: false, onSearch: search },
    options,
    loading: searching,
    notFoundContent: searching ? t('cadrePicker.searching') : null,
    placeholder: props.placeholder ?? t('cadrePicker.placeholder'),
    style: { width: '100%' },
    'data-testid': props.testId,
  } as const;
  return props.multiple ? (
    <Select {...common} mode="multiple" value={chosen} onChange={(v: string[]) => props.onChange?.(v)} />
  ) : (
    <Select
      {...common}
      allowClear
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
    />
  );
}
