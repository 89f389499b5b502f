import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  can,
  CLARIFICATION_CONCLUSIONS,
  ClarificationConclusionInputSchema,
  clearsTheCadre,
  type ClarificationDetail,
} from '@ganbu/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { zodRule } from '../../lib/zod-rule.ts';
import { disciplineKeys, downloadNotice, useClarification, useConclude, useSetAccuser } from './api.ts';
import { CaseProcessCard } from './CaseProcessCard.tsx';
import { CONCLUSION_COLOR } from './vocab.tsx';

function ConclusionCard({ k, editable }: { k: ClarificationDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const conclude = useConclude();
  const shape = ClarificationConclusionInputSchema.shape;
  if (k.conclusion || !editable) return null;
  return (
    <Card size="small" title={t('discipline.clarifications.conclude')} data-testid="clarification-conclude">
      <Form<{
        conclusion: (typeof CLARIFICATION_CONCLUSIONS)[number];
        verification: string;
        documentNo: string;
      }>
        layout="vertical"
        initialValues={{ conclusion: 'unfounded' }}
        onFinish={(v) =>
          conclude.mutate(
            { id: k.id, input: v },
            { onSuccess: () => void message.success(t('discipline.clarifications.concluded')) },
          )
        }
      >
        <Form.Item name="conclusion" label={t('discipline.clarifications.conclusion')}>
          <Select
            options={CLARIFICATION_CONCLUSIONS.map((c) => ({
              value: c,
              label: t(`discipline.conclusion.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="verification"
          label={t('discipline.clarifications.verification')}
          rules={[zodRule(shape.verification)]}
        >
          <Input.TextArea rows={4} maxLength={8000} />
        </Form.Item>
        <Form.Item
          name="documentNo"
          label={t('discipline.clarifications.documentNo')}
          rules={[zodRule(shape.documentNo)]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={conclude.isPending}>
          {t('discipline.clarifications.conclude')}
        </Button>
      </Form>
    </Card>
  );
}

/** 诬告陷害人: 纪检联络 only (the server shows it to no one else). */
function AccuserCard({ k }: { k: ClarificationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetAccuser();
  return (
    <Card size="small" title={t('discipline.clarifications.accuserCard')} data-testid="clarification-accuser">
      {k.conclusion === 'false_accusation' ? (
        <Form<{ accuser: string; handling: string }>
          layout="vertical"
          initialValues={k.accuser ?? { accuser: '', handling: '' }}
          onFinish={(v) =>
            save.mutate(
              { id: k.id, input: v },
              { onSuccess: () => void message.success(t('discipline.clarifications.accuserSaved')) },
            )
          }
        >
          <Form.Item
            name="accuser"
            label={t('discipline.clarifications.accuser')}
            rules={[{ required: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="handling" label={t('discipline.clarifications.handling')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Button htmlType="submit" loading={save.isPending}>
            {t('discipline.clarifications.saveAccuser')}
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">
          {k.accuser?.accuser ?? t('discipline.clarifications.noAccuser')}
        </Typography.Text>
      )}
    </Card>
  );
}

/** 问题线索详情: the report, the verification and conclusion, the notice, the accuser (纪检联络). */
export function ClarificationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useCurrentMe();
  const q = useClarification(id);
  const k = q.data;
  const notice = async (x: ClarificationDetail) => {
    await downloadNotice(x.id, x.cadreName);
    await qc.invalidateQueries({ queryKey: disciplineKeys.all });
  };
  return (
    <PageContainer
      title={
        <Flex align="center" gap={8}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('common.back')}
            onClick={() => void navigate('/discipline/clarifications')}
          />
          {k
            ? `${t('discipline.clarifications.detail')} · ${k.cadreName}`
            : t('discipline.clarifications.detail')}
        </Flex>
      }
      extra={
        k && clearsTheCadre(k.conclusion) ? (
          <Button
            type="primary"
            icon={<FileWordOutlined />}
            onClick={() => void notice(k)}
            data-testid="clarification-notice"
          >
            {t('discipline.clarifications.notice')}
          </Button>
        ) : null
      }
    >
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {!k ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]} data-testid="clarification-detail">
          <Col xs={24} lg={14}>
            <Card size="small">
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('discipline.clarifications.cadre')}>
                  {k.cadreName}（{k.unitName}）
                </Descriptions.Item>
                <Descriptions.Item label={t('discipline.clarifications.receivedOn')}>
                  {k.receivedOn}
                </Descriptions.Item>
                <Descriptions.Item label={t('discipline.clarifications.channel')}>
                  {k.channel}
                </Descriptions.Item>
                <Descriptions.Item label={t('discipline.clarifications.allegation')}>
                  {k.allegation}
                </Descriptions.Item>
                <Descriptions.Item label={t('discipline.clarifications.verification')}>
                  {k.verification}
                </Descriptions.Item>
                <Descriptions.Item label={t('discipline.clarifications.conclusion')}>
                  {k.conclusion ? (
                    <Tag color={CONCLUSION_COLOR[k.conclusion]} data-testid="clarification-conclusion">
                      {t(`discipline.conclusion.${k.conclusion}`)}
                    </Tag>
                  ) : (
                    <Tag color="processing">{t('discipline.clarifications.pending')}</Tag>
                  )}
                  {k.concludedOn ?? ''} {k.documentNo ?? ''}
                </Descriptions.Item>
                {k.noticeIssuedOn ? (
                  <Descriptions.Item label={t('discipline.clarifications.noticeLabel')}>
                    {t('discipline.clarifications.noticeIssued', { date: k.noticeIssuedOn })}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={16}>
              {k.caseId ? <CaseProcessCard caseId={k.caseId} /> : null}
              <ConclusionCard k={k} editable={can(me.roles, 'discipline.write')} />
              {can(me.roles, 'clarification.accuser') ? <AccuserCard k={k} /> : null}
            </Flex>
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}

export default ClarificationPage;
