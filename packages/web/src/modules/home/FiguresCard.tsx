import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { MENU_PATHS } from '../../app/menu.ts';
import { useRounds } from '../../hooks/api/assessment.ts';
import { useCadres } from '../../hooks/api/cadres.ts';
import { useInboxCount } from '../inbox/api.ts';

/**
 * The few figures an officer or a leader opens the system for, in their data scope: to-dos and how many are
 * overdue, cadres on the roster, assessment rounds under way. (The dashboards issue extends this.)
 */
export function FiguresCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const count = useInboxCount(true);
  const roster = useCadres({ page: 1, pageSize: 1, sort: 'org', order: 'asc' });
  const rounds = useRounds();
  const open = rounds.data?.filter((r) => r.state === 'open').length;
  const tile = (
    key: string,
    title: string,
    value: number | undefined,
    path: string,
    danger = false,
    floor = false,
  ) => (
    <Col xs={12} md={6} key={key}>
      <Card
        size="small"
        hoverable
        onClick={() => void navigate(path)}
        data-testid={`home-figure-${key}`}
        loading={value === undefined}
      >
        <Statistic
          title={title}
          value={value ?? 0}
          suffix={floor ? t('home.figures.moreThan') : undefined}
          styles={danger && value ? { content: { color: '#cf1322' } } : {}}
        />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]}>
      {tile('pending', t('home.figures.pending'), count.data?.pending, MENU_PATHS.inbox)}
      {tile('overdue', t('home.figures.overdue'), count.data?.overdue, MENU_PATHS.inbox, true)}
      {tile(
        'cadres',
        t('home.figures.cadres'),
        roster.data?.total,
        MENU_PATHS.cadres,
        false,
        roster.data?.totalCapped,
      )}
      {tile('rounds', t('home.figures.openRounds'), open, MENU_PATHS.assessmentRounds)}
    </Row>
  );
}
