import type { CadreDetail } from '@ganbu/core';
import { Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** 其他: fields kept from imported files that the registry has no column for. */
export function ExtrasTab({ cadre }: { cadre: CadreDetail }) {
  const { t } = useTranslation();
  const entries = Object.entries(cadre.extras);
  if (entries.length === 0) return <Empty description={t('cadre.noExtras')} />;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="cadre-extras">
      {entries.map(([key, value]) => (
        <Descriptions.Item key={key} label={key}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{value || t('common.empty')}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
