import { DeleteOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popover, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CadreFilters } from '../../../hooks/api/cadres.ts';
import { countFilters, loadSavedFilters, storeSavedFilters, type SavedFilter } from './roster-query.ts';

/** 常用条件: the user's named filter sets, kept in this browser under their username. */
export function SavedFilters({
  username,
  current,
  onApply,
}: {
  username: string;
  current: CadreFilters;
  onApply: (filters: CadreFilters) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [list, setList] = useState<SavedFilter[]>(() => loadSavedFilters(username));
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');

  const update = (next: SavedFilter[]) => {
    setList(next);
    storeSavedFilters(username, next);
  };

  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    update([...list.filter((s) => s.name !== trimmed), { name: trimmed, filters: current }]);
    setOpen(false);
    setName('');
    void message.success(t('cadres.filterSaved', { name: trimmed }));
  };

  const remove = (target: string) => update(list.filter((s) => s.name !== target));

  const form = (
    <Space orientation="vertical" style={{ width: 260 }}>
      <Typography.Text type="secondary">
        {t('cadres.saveFilterHint', { count: countFilters(current) })}
      </Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          autoFocus
          maxLength={30}
          value={name}
          placeholder={t('cadres.filterNamePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={save}
          data-testid="roster-save-filter-name"
        />
        <Button type="primary" disabled={!name.trim()} onClick={save} data-testid="roster-save-filter-ok">
          {t('common.save')}
        </Button>
      </Space.Compact>
    </Space>
  );

  return (
    <Space.Compact>
      <Select
        style={{ width: 180 }}
        placeholder={t('cadres.savedFilters')}
        value={null}
        notFoundContent={t('cadres.noSavedFilters')}
        options={list.map((s) => ({ value: s.name, label: s.name }))}
        onChange={(value: string | null) => {
          const found = list.find((s) => s.name === value);
          if (found) onApply(found.filters);
        }}
        optionRender={(option) => (
          <Flex justify="space-between" align="center" gap={8}>
            <span>{option.label}</span>
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('cadres.deleteFilter')}
              onClick={(e) => {
                e.stopPropagation();
                remove(String(option.value));
              }}
            />
          </Flex>
        )}
        data-testid="roster-saved-filters"
      />
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="bottomRight"
        title={t('cadres.saveFilter')}
        content={form}
      >
        <Button icon={<StarOutlined />} data-testid="roster-save-filter">
          {t('cadres.saveFilter')}
        </Button>
      </Popover>
    </Space.Compact>
  );
}
