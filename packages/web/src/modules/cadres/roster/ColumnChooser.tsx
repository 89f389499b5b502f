import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Flex, Popover, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { columnTitle, DEFAULT_COLUMNS, ROSTER_COLUMN_KEYS, type RosterColumnKey } from './roster-columns.tsx';

/** 列设置: which roster columns are shown (姓名 always is). */
export function ColumnChooser({
  value,
  onChange,
}: {
  value: readonly string[];
  onChange: (keys: string[]) => void;
}) {
  const { t } = useTranslation();
  const all = ROSTER_COLUMN_KEYS.every((k) => value.includes(k));

  const content = (
    <div style={{ width: 200 }} data-testid="roster-columns-panel">
      <Flex justify="space-between" align="center">
        <Checkbox
          checked={all}
          indeterminate={!all && value.length > 0}
          onChange={(e) => onChange(e.target.checked ? [...ROSTER_COLUMN_KEYS] : [])}
        >
          {t('cadres.allColumns')}
        </Checkbox>
        <Button type="link" size="small" onClick={() => onChange([...DEFAULT_COLUMNS])}>
          {t('common.reset')}
        </Button>
      </Flex>
      <Divider style={{ margin: '8px 0' }} />
      <Checkbox checked disabled>
        {columnTitle(t, 'name')}
      </Checkbox>
      <Checkbox.Group
        value={[...value]}
        onChange={(keys) => onChange(keys)}
        style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
      >
        {ROSTER_COLUMN_KEYS.map((k: RosterColumnKey) => (
          <Checkbox key={k} value={k}>
            {columnTitle(t, k)}
          </Checkbox>
        ))}
      </Checkbox.Group>
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" title={t('cadres.columns')}>
      <Tooltip title={t('cadres.columns')}>
        <Button icon={<SettingOutlined />} aria-label={t('cadres.columns')} data-testid="roster-columns" />
      </Tooltip>
    </Popover>
  );
}
