import { SaveOutlined } from '@ant-design/icons';
import { ORG_KINDS, type IndicatorList, type IndicatorValue, type Pack } from '@ganbu/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Skeleton,
  Spin,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../../components/QueryError.tsx';
import { usePack, usePacks } from '../../../../hooks/api/assessment.ts';
import { packProblemsOf, useSavePack } from '../../../../hooks/api/assessment-extra.ts';
import { useIsMobile } from '../../../../hooks/use-is-mobile.ts';
import { errorMessage } from '../../../../lib/errors.ts';
import { isApiError } from '../../../../lib/http.ts';
import { zodIssueMessage } from '../../../../lib/zod-rule.ts';
import { indicatorKeys, usePreviewIndicator } from '../api.ts';
import { gapText, MetTag, unitsText } from '../labels.tsx';
import { ConditionFields } from './ConditionFields.tsx';
import {
  checkDraft,
  emptyDraft,
  packWithIndicator,
  type DraftField,
  type DraftProblems,
  type IndicatorDraft,
} from './indicator-draft.ts';

function Problems({ problems, field }: { problems: DraftProblems; field: DraftField }) {
  const list = problems[field];
  if (!list?.length) return null;
  return (
    <Flex vertical data-testid={`indicator-error-${field}`}>
      {list.map((m) => (
        <Typography.Text key={m} type="danger" style={{ fontSize: 12 }}>
          {m}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** The server's own sentence for a refused preview (a VALIDATION in Chinese), else the code's text. */
function refusalText(err: unknown): string {
  return isApiError(err) && /[\u3400-\u9fff]/.test(err.message) ? err.message : errorMessage(err);
}

function Labeled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex vertical gap={2}>
      <Typography.Text style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>{label}</Typography.Text>
      {children}
    </Flex>
  );
}

/** The preview's figures: value against target, judged, the gap, and the sentence that explains them. */
function Preview({ value, pending }: { value: IndicatorValue | undefined; pending: boolean }) {
  const { t } = useTranslation();
  const p = 'selection.indicators.editor';
  if (!value)
    return (
      <Typography.Text type="secondary">
        {pending ? <Spin size="small" /> : t(`${p}.previewWait`)}
      </Typography.Text>
    );
  return (
    <Flex vertical gap={6} data-testid="indicator-preview">
      <Flex align="baseline" gap={12} wrap>
        <Typography.Text style={{ fontSize: 22, fontWeight: 600 }} data-testid="indicator-preview-value">
          {value.valueText}
        </Typography.Text>
        <MetTag value={value} testId="indicator-preview-met" />
        <Typography.Text type="secondary">
          {t('selection.indicators.targetLabel', { target: value.targetText })}
        </Typography.Text>
        {pending ? <Spin size="small" /> : null}
      </Flex>
      <Typography.Text type="danger">{gapText(t, value)}</Typography.Text>
      <Typography.Text type="secondary">{unitsText(t, value)}</Typography.Text>
      <Typography.Paragraph style={{ margin: 0 }} data-testid="indicator-preview-explanation">
        {value.explanation}
      </Typography.Paragraph>
    </Flex>
  );
}

function EditorForm({ list, base, onDone }: { list: IndicatorList; base: Pack; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const packs = usePacks();
  const save = useSavePack();
  const preview = usePreviewIndicator();
  const [draft, setDraft] = useState<IndicatorDraft>(() => emptyDraft(base, list.asOf));
  const [saveError, setSaveError] = useState<{ title: string; problems: string[] } | null>(null);
  const p = 'selection.indicators.editor';
  const up = (patch: Partial<IndicatorDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaveError(null);
  };

  const checked = useMemo(
    () =>
      checkDraft(draft, base, packs.data ?? [], {
        issue: zodIssueMessage,
        idTaken: t(`${p}.problems.idTaken`),
        ageOrder: t(`${p}.problems.ageOrder`),
        noteMissing: t(`${p}.problems.note`),
        dateFormat: t(`${p}.problems.date`),
        shipped: t(`${p}.problems.shipped`),
      }),
    [draft, base, packs.data, t],
  );
  const { indicator, source, problems } = checked;
  const problemCount = Object.values(problems).reduce((n, l) => n + l.length, 0);

  // live preview: the indicator as it stands, once valid, a moment after the last change
  const previewKey = indicator ? JSON.stringify(indicator) : '';
  const { mutate: runPreview, reset: resetPreview } = preview;
  useEffect(() => {
    if (!previewKey) {
      resetPreview();
      return;
    }
    const timer = setTimeout(
      () =>
        runPreview({
          indicator: JSON.parse(previewKey) as NonNullable<typeof indicator>,
          orgId: list.orgId,
          asOf: list.asOf,
        }),
      400,
    );
    return () => clearTimeout(timer);
  }, [previewKey, runPreview, resetPreview, list.orgId, list.asOf]);

  const poolLevels = useMemo(() => {
    const pools = base.selection?.pools ?? [];
    return {
      reserve: pools.filter((x) => x.kind === 'reserve').map((x) => x.level),
      young: pools.filter((x) => x.kind === 'young').map((x) => x.level),
    };
  }, [base]);

  const submit = () => {
    if (!indicator || !source || problemCount > 0) {
      void message.error(t(`${p}.fixFirst`, { count: problemCount }));
      return;
    }
    const body = packWithIndicator(
      base,
      indicator,
      source,
      draft.effectiveFrom,
      t(`${p}.versionNote`, { name: indicator.name }),
    );
    save.mutate(body, {
      onSuccess: (saved) => {
        void qc.invalidateQueries({ queryKey: indicatorKeys.all });
        void message.success(t(`${p}.saved`, { name: indicator.name, date: saved.effectiveFrom }));
        onDone();
      },
      onError: (err) => {
        const invalid = isApiError(err) && err.code === 'PACK_INVALID';
        setSaveError({
          title: invalid && err.message ? err.message : errorMessage(err),
          problems: invalid ? packProblemsOf(err.details).map((x) => `${x.path}：${x.message}`) : [],
        });
      },
    });
  };

  const measureSuffix = draft.measure === 'share' ? '%' : t(`${p}.people`);

  return (
    <Flex vertical gap={16} data-testid="indicator-editor">
      <Alert
        type="info"
        showIcon
        title={t(`${p}.into`, { name: base.name, date: base.version.effectiveFrom })}
        description={t(`${p}.intoHelp`)}
      />
      <Card size="small" title={t(`${p}.basics`)}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={16}>
            <Labeled label={t(`${p}.name`)}>
              <Input
                value={draft.name}
                maxLength={60}
                onChange={(e) => up({ name: e.target.value })}
                data-testid="indicator-field-name"
              />
              <Problems problems={problems} field="name" />
            </Labeled>
          </Col>
          <Col xs={24} md={8}>
            <Labeled label={t(`${p}.id`)}>
              <Input
                value={draft.id}
                onChange={(e) => up({ id: e.target.value })}
                data-testid="indicator-field-id"
              />
              <Problems problems={problems} field="id" />
            </Labeled>
          </Col>
          <Col span={24}>
            <Labeled label={t(`${p}.description`)}>
              <Input.TextArea
                value={draft.description}
                maxLength={300}
                autoSize={{ minRows: 1, maxRows: 3 }}
                onChange={(e) => up({ description: e.target.value })}
                data-testid="indicator-field-description"
              />
              <Problems problems={problems} field="description" />
            </Labeled>
          </Col>
        </Row>
      </Card>
      <Card
        size="small"
        title={t(`${p}.population`)}
        extra={<Typography.Text type="secondary">{t(`${p}.populationHint`)}</Typography.Text>}
      >
        <ConditionFields
          value={draft.population}
          onChange={(population) => up({ population })}
          poolLevels={poolLevels}
          testId="indicator-population"
        />
        <Problems problems={problems} field="population" />
      </Card>
      <Card
        size="small"
        title={t(`${p}.numerator`)}
        extra={<Typography.Text type="secondary">{t(`${p}.numeratorHint`)}</Typography.Text>}
      >
        <ConditionFields
          value={draft.numerator}
          onChange={(numerator) => up({ numerator })}
          poolLevels={poolLevels}
          testId="indicator-numerator"
        />
        <Problems problems={problems} field="numerator" />
      </Card>
      <Card size="small" title={t(`${p}.target`)}>
        <Flex vertical gap={12}>
          <Flex gap={12} wrap align="flex-end">
            <Labeled label={t(`${p}.measure`)}>
              <Radio.Group
                value={draft.measure}
                onChange={(e) => up({ measure: e.target.value as IndicatorDraft['measure'] })}
                optionType="button"
                options={[
                  { value: 'share', label: t(`${p}.share`) },
                  { value: 'count', label: t(`${p}.count`) },
                ]}
                data-testid="indicator-field-measure"
              />
            </Labeled>
            <Labeled label={t(`${p}.op`)}>
              <Select
                style={{ width: 110 }}
                value={draft.op}
                onChange={(op) => up({ op })}
                options={[
                  { value: 'gte', label: t(`${p}.gte`) },
                  { value: 'lte', label: t(`${p}.lte`) },
                ]}
                data-testid="indicator-field-op"
              />
            </Labeled>
            <Labeled label={t(`${p}.amount`)}>
              <InputNumber
                style={{ width: 160 }}
                min={0}
                max={draft.measure === 'share' ? 100 : 1_000_000}
                precision={draft.measure === 'share' ? 1 : 0}
                suffix={measureSuffix}
                value={draft.amount}
                onChange={(amount) => up({ amount })}
                data-testid="indicator-field-amount"
              />
            </Labeled>
            <Labeled label={t(`${p}.judgedPer`)}>
              <Select
                mode="multiple"
                allowClear
                style={{ minWidth: 240 }}
                value={draft.judgedPer}
                onChange={(judgedPer) => up({ judgedPer })}
                placeholder={t(`${p}.wholeScope`)}
                options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
                data-testid="indicator-field-judgedPer"
              />
            </Labeled>
          </Flex>
          <Problems problems={problems} field="amount" />
          <Problems problems={problems} field="judgedPer" />
          <Labeled label={t(`${p}.source`)}>
            <Flex vertical gap={8}>
              <Radio.Group
                value={draft.note.kind}
                onChange={(e) =>
                  up({ note: { ...draft.note, kind: e.target.value as IndicatorDraft['note']['kind'] } })
                }
                options={[
                  { value: 'seed', label: t(`${p}.sourceSeed`) },
                  { value: 'assumed', label: t(`${p}.sourceAssumed`) },
                ]}
                data-testid="indicator-field-source-kind"
              />
              {draft.note.kind === 'seed' ? (
                <Flex gap={8} wrap>
                  <Input
                    style={{ width: 140 }}
                    placeholder={t(`${p}.seedPlaceholder`)}
                    value={draft.note.seed}
                    onChange={(e) => up({ note: { ...draft.note, seed: e.target.value } })}
                    data-testid="indicator-field-seed"
                  />
                  <Input
                    style={{ flex: 1, minWidth: 240 }}
                    placeholder={t(`${p}.figurePlaceholder`)}
                    value={draft.note.figure}
                    onChange={(e) => up({ note: { ...draft.note, figure: e.target.value } })}
                    data-testid="indicator-field-figure"
                  />
                </Flex>
              ) : (
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 4 }}
                  placeholder={t(`${p}.assumedPlaceholder`)}
                  value={draft.note.assumed}
                  onChange={(e) => up({ note: { ...draft.note, assumed: e.target.value } })}
                  data-testid="indicator-field-assumed"
                />
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`${p}.sourceHint`)}
              </Typography.Text>
              <Problems problems={problems} field="note" />
            </Flex>
          </Labeled>
        </Flex>
      </Card>
      <Card
        size="small"
        title={t(`${p}.preview`, { unit: list.orgName, date: list.asOf })}
        data-testid="indicator-preview-card"
      >
        {preview.isError ? (
          <Alert
            type="error"
            showIcon
            title={refusalText(preview.error)}
            data-testid="indicator-preview-error"
          />
        ) : (
          <Preview value={preview.data} pending={preview.isPending} />
        )}
      </Card>
      {saveError ? (
        <Alert
          type="error"
          showIcon
          title={saveError.title}
          description={
            saveError.problems.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {saveError.problems.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            ) : undefined
          }
          data-testid="indicator-save-error"
        />
      ) : null}
      <Flex justify="space-between" align="flex-end" gap={12} wrap>
        <Labeled label={t(`${p}.effectiveFrom`)}>
          <DatePicker
            allowClear={false}
            value={dayjs(draft.effectiveFrom)}
            onChange={(d) => d && up({ effectiveFrom: d.format('YYYY-MM-DD') })}
            data-testid="indicator-field-date"
          />
          <Problems problems={problems} field="effectiveFrom" />
        </Labeled>
        <Flex gap={8} align="center">
          <Typography.Text type={problemCount ? 'danger' : 'secondary'} data-testid="indicator-problem-count">
            {problemCount ? t(`${p}.problemCount`, { count: problemCount }) : t(`${p}.noProblems`)}
          </Typography.Text>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={submit}
            data-testid="indicator-save"
          >
            {t(`${p}.save`)}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}

/**
 * 新建结构指标 (组织部): an indicator from the building blocks, previewed live over the dashboard's unit and day,
 * saved into the district's pack as a new version (through the pack save, with the 依据 of its numbers).
 */
export function IndicatorEditorDrawer({
  open,
  list,
  onClose,
}: {
  open: boolean;
  list: IndicatorList;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const base = usePack(open ? list.packVersionId : undefined);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={mobile ? '100%' : 880}
      title={t('selection.indicators.editor.title')}
      destroyOnHidden
      data-testid="indicator-editor-drawer"
    >
      {base.isError ? (
        <QueryError error={base.error} onRetry={() => void base.refetch()} />
      ) : !base.data ? (
        <Skeleton active />
      ) : (
        <EditorForm list={list} base={base.data.body} onDone={onClose} />
      )}
    </Drawer>
  );
}
