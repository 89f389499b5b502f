import type { IndicatorValue } from '@ganbu/core';
import { Descriptions, Drawer, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../hooks/use-is-mobile.ts';
import { gapText, MetTag, unitsText } from './labels.tsx';

/** Where and when a figure was computed, and from which pack version. */
export interface FigureContext {
  orgName: string;
  asOf: string;
  packName?: string | undefined;
  effectiveFrom?: string | undefined;
}

/** 计算说明: who is counted, who meets the condition, the arithmetic and the judgment, and the target's source. */
export function ExplainDrawer({
  value,
  context,
  onClose,
}: {
  value: IndicatorValue | null;
  context: FigureContext;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const p = 'selection.indicators.explain';
  return (
    <Drawer
      open={!!value}
      onClose={onClose}
      size={mobile ? '100%' : 640}
      title={t(`${p}.title`)}
      destroyOnHidden
      data-testid="indicator-explain-drawer"
    >
      {value ? (
        <Flex vertical gap={16}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {value.name}
          </Typography.Title>
          {value.description ? <Typography.Text type="secondary">{value.description}</Typography.Text> : null}
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 120 } }}
            items={[
              { key: 'scope', label: t(`${p}.scope`), children: context.orgName },
              { key: 'asOf', label: t(`${p}.asOf`), children: context.asOf },
              ...(context.packName
                ? [
                    {
                      key: 'pack',
                      label: t(`${p}.pack`),
                      children: t('selection.indicators.packVersion', {
                        name: context.packName,
                        date: context.effectiveFrom,
                      }),
                    },
                  ]
                : []),
              { key: 'population', label: t(`${p}.population`), children: value.populationText },
              { key: 'numerator', label: t(`${p}.numerator`), children: value.numeratorText },
              { key: 'target', label: t(`${p}.target`), children: value.targetText },
              {
                key: 'value',
                label: t(`${p}.value`),
                children: (
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong data-testid="indicator-explain-value">
                      {value.valueText}
                    </Typography.Text>
                    <MetTag value={value} />
                    <Typography.Text type="danger">{gapText(t, value)}</Typography.Text>
                    <Typography.Text type="secondary">{unitsText(t, value)}</Typography.Text>
                  </Flex>
                ),
              },
              {
                key: 'explanation',
                label: t(`${p}.explanation`),
                children: (
                  <Typography.Paragraph style={{ margin: 0 }} data-testid="indicator-explanation">
                    {value.explanation}
                  </Typography.Paragraph>
                ),
              },
              {
                key: 'source',
                label: t(`${p}.source`),
                children: <span data-testid="indicator-source">{value.sourceText}</span>,
              },
            ]}
          />
        </Flex>
      ) : null}
    </Drawer>
  );
}
