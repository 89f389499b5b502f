import type { CadreDetail } from '@ganbu/core';
import { Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FACT_KEYS, FACT_UNITS, isFactKey } from '../cadre-vocab.ts';

type Fact = CadreDetail['facts'][string];

/** 派生信息: facts computed from the record and its posts, each with how it was worked out. */
export function FactsTab({ cadre }: { cadre: CadreDetail }) {
  const { t } = useTranslation();
  const keys = Object.keys(cadre.facts).sort(
    (a, b) => (isFactKey(a) ? FACT_KEYS.indexOf(a) : 99) - (isFactKey(b) ? FACT_KEYS.indexOf(b) : 99),
  );
  if (keys.length === 0) return <Empty description={t('cadre.noFacts')} />;

  const value = (key: string, f: Fact): ReactNode => {
    if (f.value === null || f.value === '') return t('common.empty');
    if (typeof f.value === 'boolean') {
      return f.value ? <Tag color="success">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>;
    }
    const unit = isFactKey(key) && typeof f.value === 'number' ? FACT_UNITS[key] : undefined;
    const shown =
      unit === 'years'
        ? t('cadreFacts.unitYears', { value: f.value })
        : unit === 'yearsOld'
          ? t('cadreFacts.unitYearsOld', { value: f.value })
          : String(f.value);
    return <Typography.Text strong>{shown}</Typography.Text>;
  };

  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      data-testid="cadre-facts"
      styles={{ label: { width: 200 } }}
    >
      {keys.map((key) => {
        const fact = cadre.facts[key] as Fact;
        return (
          <Descriptions.Item key={key} label={isFactKey(key) ? t(`cadreFacts.${key}`) : key}>
            <Flex vertical gap={2} data-testid={`cadre-fact-${key}`}>
              <span>{value(key, fact)}</span>
              {fact.explanation ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fact.explanation}
                </Typography.Text>
              ) : null}
            </Flex>
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
