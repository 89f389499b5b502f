import { AuditOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePendingCorrections } from '../../../hooks/api/cadre-corrections.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { fieldLabel } from './correction-fields.ts';
import { ProposedValue } from './ProposedValue.tsx';

/** 更正申请 (n) on the roster: the pending requests of the officer's scope, each linking to its record. */
export function CorrectionInboxButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const inbox = usePendingCorrections();
  const items = inbox.data?.items ?? [];
  return (
    <>
      <Badge count={items.length} size="small" offset={[-4, 4]}>
        <Button icon={<AuditOutlined />} onClick={() => setOpen(true)} data-testid="roster-corrections">
          {t('corrections.inboxButton')}
        </Button>
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('corrections.inboxTitle')}
        size={560}
        data-testid="corrections-inbox"
      >
        <Typography.Paragraph type="secondary">{t('corrections.inboxHint')}</Typography.Paragraph>
        {items.length === 0 ? (
          <Empty description={t('corrections.none')} />
        ) : (
          <List
            dataSource={items}
            renderItem={(c) => (
              <List.Item data-testid={`corrections-inbox-${c.id}`}>
                <List.Item.Meta
                  title={
                    <Link to={`/cadres/${c.cadreId}?tab=corrections`} onClick={() => setOpen(false)}>
                      {c.cadreName}
                      <Typography.Text type="secondary"> · {c.orgName}</Typography.Text>
                    </Link>
                  }
                  description={
                    <>
                      <div>
                        {fieldLabel(t, c.field)}：<ProposedValue correction={c} revealed={false} />
                      </div>
                      {c.reason ? (
                        <div>
                          {t('corrections.reason')}：{c.reason}
                        </div>
                      ) : null}
                      <Typography.Text type="secondary">
                        {t('corrections.createdAt')} {formatDateTime(c.createdAt)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
