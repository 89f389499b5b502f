import { Badge, Button, Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { MENU_PATHS } from '../../app/menu.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useInbox } from '../inbox/api.ts';

/** How many to-do rows the home page shows before 查看全部. */
const SHOWN = 6;

/** 待办事项 on the home page: the first case steps and reminders waiting for the user, oldest deadline first. */
export function TodoCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inbox = useInbox();
  const items = inbox.data?.items ?? [];
  return (
    <Card
      title={
        <span>
          {t('home.todo')} <Badge count={items.length} showZero color={items.length ? 'red' : 'gray'} />
        </span>
      }
      extra={
        <Button type="link" onClick={() => void navigate(MENU_PATHS.inbox)} data-testid="home-todo-all">
          {t('home.todoAll')}
        </Button>
      }
      data-testid="home-todo"
    >
      {inbox.error ? <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.todoEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, SHOWN)}
          renderItem={(item) => (
            <List.Item
              data-testid={`home-todo-${item.id}`}
              extra={
                item.dueOn ? (
                  <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>
                    {item.overdue
                      ? t('home.overdue', { date: item.dueOn })
                      : t('home.due', { date: item.dueOn })}
                  </Typography.Text>
                ) : null
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag>{item.kindName}</Tag>
                    <Link to={item.link}>{item.title}</Link>
                  </span>
                }
                description={item.step ?? undefined}
              />
            </List.Item>
          )}
        />
      )}
      {items.length > SHOWN ? (
        <Typography.Text type="secondary">
          {t('home.todoMore', { count: items.length - SHOWN })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
