import { can } from '@ganbu/core';
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../app/me-context.ts';
import { useModuleTexts } from '../../../i18n/use-module-texts.ts';
import { useSurveyRecommendation } from './api.ts';
import { surveyTexts } from './answer-texts.ts';

const surveyModule = { id: 'survey', i18n: surveyTexts };

/**
 * 精准激励 where incentives are planned (R-NEED-2: the honours batch page, the pay run page): the latest
 * closed needs survey covering the unit and each shown group's recommended incentive mix. Nothing is asked
 * (no request, no texts) unless the reader holds survey.read; a cadre sees nothing.
 */
export function RecommendationCard({ orgId }: { orgId: string | null | undefined }) {
  const me = useCurrentMe();
  const allowed = can(me.roles, 'survey.read');
  if (!allowed || !orgId) return null;
  return <Recommendation orgId={orgId} />;
}

function Recommendation({ orgId }: { orgId: string }) {
  const ready = useModuleTexts(surveyModule);
  const { t } = useTranslation();
  const rec = useSurveyRecommendation(orgId, true);
  const s = rec.data?.survey;
  if (!ready || !s) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="survey-recommendation"
      title={t('survey.needs.rec.title', { title: s.title, org: s.orgName, closedOn: s.closedOn })}
      description={
        s.groups.length ? (
          <Space orientation="vertical" size={2}>
            {s.groups.map((g) => (
              <Typography.Text key={`${g.breakdown}.${g.bandId}`}>{g.explanation}</Typography.Text>
            ))}
          </Space>
        ) : (
          t('survey.needs.rec.none')
        )
      }
    />
  );
}

export default RecommendationCard;
