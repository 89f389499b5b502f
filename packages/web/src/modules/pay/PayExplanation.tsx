import type { PayLineDto } from '@ganbu/core';
import { Alert, Descriptions, Drawer, Flex, List, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { sourceText, Yuan } from './labels.tsx';

type Step = PayLineDto['explanation']['steps'][number];
type Explanation = PayLineDto['explanation'];

/** The pack clause a step applies, as a tag whose tooltip names its source (seed figure, regulation, assumption). */
export function ClauseTag({ step }: { step: Step }) {
  const { t } = useTranslation();
  if (!step.clause && !step.source) return null;
  const source = sourceText(t, step.source);
  return (
    <Flex gap={6} align="baseline" wrap>
      {step.clause ? (
        <Tooltip title={source}>
          <Tag
            color={step.source && 'assumed' in step.source ? 'gold' : 'geekblue'}
            style={{ marginInlineEnd: 0, whiteSpace: 'normal', wordBreak: 'break-all' }}
            data-testid="pay-step-clause"
          >
            {step.clause}
          </Tag>
        </Tooltip>
      ) : null}
      {step.source ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pay-step-source">
          {source}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** Steps of an explanation, one per row: the label, the value as written, the amount it yields, the clause. */
export function PaySteps({ steps, testId }: { steps: readonly Step[]; testId?: string }) {
  return (
    <List
      size="small"
      bordered
      dataSource={[...steps]}
      data-testid={testId}
      renderItem={(s, i) => (
        <List.Item key={i} data-testid="pay-step">
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" align="baseline" gap={12} wrap>
              <Typography.Text strong>{s.label}</Typography.Text>
              {s.amountFen !== undefined ? <Yuan fen={s.amountFen} /> : null}
            </Flex>
            <Typography.Text style={{ wordBreak: 'break-word' }}>{s.value}</Typography.Text>
            <div>
              <ClauseTag step={s} />
            </div>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The summary, the steps and the notes of one explanation. */
export function ExplanationBody({ explanation }: { explanation: Explanation }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      <Alert type="info" title={explanation.summary} data-testid="pay-explain-summary" />
      <Typography.Text strong>{t('pay.explain.steps')}</Typography.Text>
      <PaySteps steps={explanation.steps} testId="pay-explain-steps" />
      {explanation.notes.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('pay.explain.notes')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {explanation.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
          data-testid="pay-explain-notes"
        />
      ) : null}
    </Flex>
  );
}

/**
 * 计算说明 of one line: who, the amount and its base, then how it was reached — every step with its value,
 * the amount it yields and the pack clause it applies (its source in the tooltip), and the notes.
 */
export function ExplanationDrawer({
  line,
  runName,
  onClose,
}: {
  line: Pick<PayLineDto, 'name' | 'unitName' | 'amountFen' | 'baseFen' | 'explanation'> | null;
  runName?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Drawer
      open={!!line}
      onClose={onClose}
      size={mobile ? '100%' : 640}
      title={line ? t('pay.explain.title', { name: line.name }) : ''}
      destroyOnHidden
      data-testid="pay-explain-drawer"
    >
      {line ? (
        <Flex vertical gap={16}>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 96 } }}
            items={[
              ...(runName ? [{ key: 'run', label: t('pay.explain.run'), children: runName }] : []),
              { key: 'unit', label: t('pay.explain.unit'), children: line.unitName },
              ...(line.baseFen === null
                ? []
                : [{ key: 'base', label: t('pay.explain.base'), children: <Yuan fen={line.baseFen} /> }]),
              {
                key: 'amount',
                label: t('pay.explain.amount'),
                children: <Yuan fen={line.amountFen} strong testId="pay-explain-amount" />,
              },
            ]}
          />
          <ExplanationBody explanation={line.explanation} />
        </Flex>
      ) : null}
    </Drawer>
  );
}
