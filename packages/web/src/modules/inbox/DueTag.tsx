import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 期限: the last day, in red with 已逾期 once it has passed; 不限 without one. */
export function DueTag({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  if (!dueOn) return <Typography.Text type="secondary">{t('cases.noDeadline')}</Typography.Text>;
  return overdue ? (
    <Space size={4} wrap data-testid="due-overdue">
      <Typography.Text type="danger">{dueOn}</Typography.Text>
      <Tag color="red">{t('cases.overdue')}</Tag>
    </Space>
  ) : (
    <span>{dueOn}</span>
  );
}
