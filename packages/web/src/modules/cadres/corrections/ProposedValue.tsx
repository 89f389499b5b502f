import { LockOutlined } from '@ant-design/icons';
import { SENSITIVE_CORRECTION_FIELDS, type Correction } from '@ganbu/core';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const MULTILINE = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;
const isSensitive = (field: Correction['field']) =>
  (SENSITIVE_CORRECTION_FIELDS as readonly string[]).includes(field);

/**
 * A request's proposed value. Phone, health and family come masked from the server unless the record was
 * revealed; a masked one is shown with a lock, as the record page shows its own masked values.
 */
export function ProposedValue({
  correction,
  revealed,
  strong = false,
  testId,
}: {
  correction: Correction;
  revealed: boolean;
  strong?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!isSensitive(correction.field)) {
    return (
      <Typography.Text strong={strong} style={MULTILINE} data-testid={testId}>
        {correction.proposedValue}
      </Typography.Text>
    );
  }
  if (revealed) {
    return (
      <Typography.Text strong={strong} style={MULTILINE} data-testid={testId} data-sensitive="clear">
        {correction.proposedValue}
      </Typography.Text>
    );
  }
  return (
    <Tooltip title={t('corrections.maskedHint')}>
      <Typography.Text type="secondary" style={MULTILINE} data-testid={testId} data-sensitive="masked">
        <LockOutlined style={{ marginInlineEnd: 4 }} />
        {correction.proposedValue}
      </Typography.Text>
    </Tooltip>
  );
}
