import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NumField, SourceNotes, useEditor } from './fields.tsx';
import { payFieldGroups } from './pay-fields.ts';

/**
 * 经济激励 in the editor: the numbers of the pay section (上浮区间, 绩效奖上浮, 各岗位补贴涨幅, 保底倍数 …), each
 * asking for its 依据 once changed; a version saved with other numbers can be compared on a pay run (what-if)
 * before it is adopted.
 */
export function PaySection() {
  const { t } = useTranslation();
  const { draft } = useEditor();
  const groups = payFieldGroups(t, draft);
  if (!groups.length) return null;
  return (
    <Card size="small" title={t('assessment.paySection.title')} data-testid="pe-pay">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assessment.paySection.editHint')}
        </Typography.Text>
        {groups.map((g) => (
          <Flex key={g.key} vertical gap={6} data-testid={`pe-pay-${g.key}`}>
            <Typography.Text strong>{g.title}</Typography.Text>
            <Flex gap={12} wrap>
              {g.fields.map((f) => (
                <NumField
                  key={f.pointer}
                  pointer={f.pointer}
                  label={f.label}
                  suffix={f.suffix}
                  precision={f.precision}
                  width={200}
                />
              ))}
            </Flex>
            <SourceNotes
              fields={g.fields.map((f) => ({ pointer: f.pointer, label: `${g.title} · ${f.label}` }))}
            />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
