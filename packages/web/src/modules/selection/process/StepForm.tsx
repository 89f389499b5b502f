import type { SelectionCandidate, SelectionProcessDetail, SelectionStepResult } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  InputNumber,
  Radio,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecision, useStepResults } from './api.ts';
import { selectionErrorText } from './labels.tsx';
import { NoticeForm } from './NoticeForm.tsx';
import { approvalRateText } from './results-text.ts';

type Step = SelectionProcessDetail['steps'][number];
type Kind = 'recommendation' | 'test' | 'review' | 'inspection';

interface Row {
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  score: number | null;
  passed: boolean | null;
  finding: string;
}

const EMPTY: Row = {
  votesFor: null,
  votesAgainst: null,
  votesAbstain: null,
  score: null,
  passed: null,
  finding: '',
};

function fromResult(r: SelectionStepResult | undefined): Row {
  return r
    ? {
        votesFor: r.votesFor,
        votesAgainst: r.votesAgainst,
        votesAbstain: r.votesAbstain,
        score: r.score,
        passed: r.passed,
        finding: r.finding,
      }
    : EMPTY;
}

/** Whether a row holds what the step records (votes, a score, passed or not). */
function complete(kind: Kind, r: Row): boolean {
  if (kind === 'recommendation')
    return r.votesFor !== null && r.votesAgainst !== null && r.votesAbstain !== null;
  if (kind === 'test') return r.score !== null;
  return r.passed !== null;
}

/**
 * The current step's records, one row per candidate still in: 民主推荐 votes (赞成/反对/弃权, the 赞成率
 * computed as they are typed), 测试 scores, 联审/考察 passed or not with the finding. Saved together.
 */
function ResultsForm({ detail, step, kind }: { detail: SelectionProcessDetail; step: Step; kind: Kind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useStepResults(detail.id);
  const saved = detail.results[step.id] ?? [];
  const people = detail.candidates.filter((c) => c.status === 'in' || c.status === 'chosen');
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(people.map((c) => [c.id, fromResult(saved.find((r) => r.candidateId === c.id))])),
  );
  const row = (c: SelectionCandidate) => rows[c.id] ?? EMPTY;
  const set = (c: SelectionCandidate, patch: Partial<Row>) => {
    save.reset();
    setRows((prev) => ({ ...prev, [c.id]: { ...(prev[c.id] ?? EMPTY), ...patch } }));
  };
  const error = save.isError ? selectionErrorText(save.error) : null;
  const ready = people.length > 0 && people.every((c) => complete(kind, row(c)));

  const submit = () =>
    save.mutate(
      {
        stepId: step.id,
        body: {
          results: people.map((c) => ({
            candidateId: c.id,
            votesFor: row(c).votesFor,
            votesAgainst: row(c).votesAgainst,
            votesAbstain: row(c).votesAbstain,
            score: row(c).score,
            passed: row(c).passed,
            finding: row(c).finding.trim(),
          })),
        },
      },
      { onSuccess: () => void message.success(t('selection.process.results.saved', { step: step.name })) },
    );

  const num = (c: SelectionCandidate, key: 'votesFor' | 'votesAgainst' | 'votesAbstain' | 'score') => (
    <InputNumber
      min={0}
      max={key === 'score' ? 1000 : undefined}
      precision={key === 'score' ? 1 : 0}
      value={row(c)[key]}
      onChange={(v) => set(c, { [key]: v ?? null })}
      style={{ width: key === 'score' ? 100 : 80 }}
      data-testid={`result-${key}-${c.cadreId}`}
    />
  );

  const columns: TableColumnsType<SelectionCandidate> = [
    { title: t('selection.process.candidates.name'), dataIndex: 'name', width: 90, fixed: 'left' },
    ...(kind === 'recommendation'
      ? [
          {
            title: t('selection.process.results.for'),
            key: 'f',
            width: 90,
            render: (_: unknown, c: SelectionCandidate) => num(c, 'votesFor'),
          },
          {
            title: t('selection.process.results.against'),
            key: 'a',
            width: 90,
            render: (_: unknown, c: SelectionCandidate) => num(c, 'votesAgainst'),
          },
          {
            title: t('selection.process.results.abstain'),
            key: 'b',
            width: 90,
            render: (_: unknown, c: SelectionCandidate) => num(c, 'votesAbstain'),
          },
          {
            title: t('selection.process.results.rate'),
            key: 'rate',
            width: 220,
            render: (_: unknown, c: SelectionCandidate) => {
              const r = row(c);
              return (
                <Typography.Text data-testid={`result-rate-${c.cadreId}`}>
                  {approvalRateText(t, r.votesFor ?? 0, r.votesAgainst ?? 0, r.votesAbstain ?? 0)}
                </Typography.Text>
              );
            },
          },
        ]
      : []),
    ...(kind === 'test'
      ? [
          {
            title: t('selection.process.results.score'),
            key: 's',
            width: 120,
            render: (_: unknown, c: SelectionCandidate) => num(c, 'score'),
          },
        ]
      : []),
    ...(kind === 'review' || kind === 'inspection'
      ? [
          {
            title: t('selection.process.results.conclusion'),
            key: 'p',
            width: 170,
            render: (_: unknown, c: SelectionCandidate) => (
              <Radio.Group
                value={row(c).passed}
                onChange={(e) => set(c, { passed: e.target.value as boolean })}
                data-testid={`result-passed-${c.cadreId}`}
              >
                <Radio value={true}>{t('selection.process.results.passed')}</Radio>
                <Radio value={false}>{t('selection.process.results.failed')}</Radio>
              </Radio.Group>
            ),
          },
        ]
      : []),
    {
      title: t('selection.process.results.finding'),
      key: 'finding',
      width: 280,
      render: (_: unknown, c: SelectionCandidate) => (
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          value={row(c).finding}
          onChange={(e) => set(c, { finding: e.target.value })}
          data-testid={`result-finding-${c.cadreId}`}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t(`selection.process.results.hint.${kind}`)}</Typography.Text>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.details.join('；') || undefined}
        />
      ) : null}
      <Table<SelectionCandidate>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={people}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('selection.process.results.noCandidates') }}
        data-testid="result-table"
      />
      <Flex justify="flex-end">
        <Button
          type="primary"
          disabled={!ready}
          loading={save.isPending}
          onClick={submit}
          data-testid="result-save"
        >
          {t('selection.process.results.save')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** 讨论决定: who is chosen, at most the number of positions. */
function DecisionForm({ detail }: { detail: SelectionProcessDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecision(detail.id);
  const people = detail.candidates.filter((c) => c.status === 'in' || c.status === 'chosen');
  const [chosen, setChosen] = useState<string[]>(
    detail.candidates.filter((c) => c.status === 'chosen').map((c) => c.id),
  );
  const error = decide.isError ? selectionErrorText(decide.error) : null;
  const over = chosen.length > detail.positions;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {t('selection.process.decision.hint', { positions: detail.positions })}
      </Typography.Text>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.details.join('；') || undefined}
        />
      ) : null}
      <Checkbox.Group
        value={chosen}
        onChange={(v) => {
          decide.reset();
          setChosen(v);
        }}
        data-testid="decision-choices"
      >
        <Flex vertical gap={6}>
          {people.map((c) => (
            <Checkbox key={c.id} value={c.id} data-testid={`decision-choose-${c.cadreId}`}>
              {c.name}（{[c.orgName, c.postTitle].filter(Boolean).join(' · ')}）
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      {over ? (
        <Typography.Text type="danger">
          {t('selection.process.decision.over', { positions: detail.positions })}
        </Typography.Text>
      ) : null}
      <Flex justify="flex-end">
        <Button
          type="primary"
          disabled={chosen.length === 0 || over}
          loading={decide.isPending}
          onClick={() =>
            decide.mutate(chosen, {
              onSuccess: () =>
                void message.success(t('selection.process.decision.saved', { count: chosen.length })),
            })
          }
          data-testid="decision-save"
        >
          {t('selection.process.decision.save')}
        </Button>
      </Flex>
    </Flex>
  );
}

/**
 * 本环节办理: what the current step records, by its type — results per candidate, the decision, the notice
 * (opened with its start day), or a note for the steps that record nothing (动议, 任职 is confirmed below).
 */
export function StepForm({
  detail,
  manage,
  noticeDays,
}: {
  detail: SelectionProcessDetail;
  manage: boolean;
  /** the pack's least working days of this step's notice */
  noticeDays: number | null;
}) {
  const { t } = useTranslation();
  const step = detail.steps.find((s) => s.status === 'current');
  if (detail.state !== 'open' || !step || !manage) return null;
  const type = step.type;
  const body = (() => {
    if (type === 'recommendation' || type === 'test' || type === 'review' || type === 'inspection')
      return <ResultsForm key={step.id} detail={detail} step={step} kind={type} />;
    if (type === 'decision') return <DecisionForm key={step.id} detail={detail} />;
    if (type === 'notice')
      return <NoticeForm key={step.id} detail={detail} step={step} noticeDays={noticeDays} />;
    if (type === 'appointment')
      return (
        <Typography.Text type="secondary">{t('selection.process.stepHint.appointment')}</Typography.Text>
      );
    if (type === 'motion')
      return <Typography.Text type="secondary">{t('selection.process.stepHint.motion')}</Typography.Text>;
    return <Typography.Text type="secondary">{t('selection.process.stepHint.none')}</Typography.Text>;
  })();
  return (
    <Card
      size="small"
      title={t('selection.process.stepForm.title', { step: step.name })}
      data-testid={`step-form-${type ?? 'none'}`}
    >
      {body}
    </Card>
  );
}
