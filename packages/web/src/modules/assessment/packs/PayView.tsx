import type { Pack } from '@ganbu/core';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getAt } from '../pack-edit/editor-model.ts';
import { payFieldGroups } from '../pack-edit/pay-fields.ts';
import { SourceNote } from './PackParts.tsx';

/** 经济激励 of a pack version: each scheme's numbers with their sources (read only). */
export function PayView({ pack }: { pack: Pack }) {
  const { t } = useTranslation();
  const groups = payFieldGroups(t, pack);
  if (!groups.length) return null;
  return (
    <Card size="small" title={t('assessment.paySection.title')} data-testid="pack-pay">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assessment.paySection.viewHint')}
        </Typography.Text>
        {groups.map((g) => (
          <Descriptions
            key={g.key}
            title={g.title}
            size="small"
            bordered
            column={1}
            items={g.fields.map((f) => ({
              key: f.pointer,
              label: f.label,
              children: (
                <Flex vertical>
                  <span>
                    {String(getAt(pack, f.pointer))}
                    {f.suffix === '%' ? '%' : ` ${f.suffix}`}
                  </span>
                  <SourceNote pack={pack} pointer={f.pointer} />
                </Flex>
              ),
            }))}
          />
        ))}
      </Flex>
    </Card>
  );
}
