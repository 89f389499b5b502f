import { CopyOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Round, Scheme } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import {
  useIssueTokens,
  useRevokeToken,
  useRoundTargets,
  type TokenSheetBatch,
} from '../../../hooks/api/assessment.ts';
import { assessmentErrorText } from '../assessment-error.ts';
import { copyText } from '../labels.ts';
import { useRoundScheme } from './use-round-scheme.ts';

type RaterGroup = Scheme['raterGroups'][number];

/** sessionStorage key the print page (modules/assessment/tokens) reads the batch from, then deletes. */
export const TOKEN_SHEET_KEY = 'ganbu.tokenSheet';
const PRINT_PATH = '/assessment/tokens/print';

/**
 * Hand a batch to the print page in a new tab. A new tab opened this way starts with a copy of this
 * tab's sessionStorage; the copy here is removed shortly after, so the codes do not linger.
 */
function openPrintPage(batch: TokenSheetBatch): void {
  const value = JSON.stringify(batch);
  try {
    sessionStorage.setItem(TOKEN_SHEET_KEY, value);
  } catch {
    return;
  }
  window.open(PRINT_PATH, '_blank');
  setTimeout(() => {
    try {
      if (sessionStorage.getItem(TOKEN_SHEET_KEY) === value) sessionStorage.removeItem(TOKEN_SHEET_KEY);
    } catch {
      // storage unavailable: nothing to clean
    }
  }, 15_000);
}

/** The codes of one issue, shown once: copy them all, or open the print page again. */
function CodesModal({ batch, onClose }: { batch: TokenSheetBatch | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Modal
      open={!!batch}
      title={t('assessment.tokens.codesTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      width={640}
      footer={
        <Flex gap={8} justify="end" wrap>
          <Button
            icon={<CopyOutlined />}
            onClick={async () => {
              if (!batch) return;
              const ok = await copyText(batch.codes.join('\n'));
              if (ok) void message.success(t('assessment.tokens.copied', { count: batch.codes.length }));
              else void message.error(t('assessment.tokens.copyFailed'));
            }}
            data-testid="tokens-copy"
          >
            {t('assessment.tokens.copy')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => batch && openPrintPage(batch)}
            data-testid="tokens-print"
          >
            {t('assessment.tokens.print')}
          </Button>
          <Button type="primary" onClick={onClose} data-testid="tokens-codes-close">
            {t('common.close')}
          </Button>
        </Flex>
      }
      destroyOnHidden
    >
      {batch ? (
        <Flex vertical gap={12} data-testid="tokens-codes-modal">
          <Alert
            type="warning"
            showIcon
            title={t('assessment.tokens.codesHint', {
              group: batch.groupName,
              unit: batch.unitName ? ` · ${batch.unitName}` : '',
              count: batch.codes.length,
            })}
          />
          <pre
            style={{
              maxHeight: 300,
              overflow: 'auto',
              margin: 0,
              padding: 12,
              background: '#fafafa',
              border: '1px solid #f0f0f0',
              borderRadius: 6,
              fontSize: 14,
              lineHeight: 1.7,
              columnWidth: 150,
            }}
            data-testid="tokens-codes"
          >
            {batch.codes.join('\n')}
          </pre>
        </Flex>
      ) : null}
    </Modal>
  );
}

/** The issue form of one bearer group: how many slips, and the unit for groups that rate their own. */
function GroupIssueForm({
  round,
  group,
  units,
  onIssued,
}: {
  round: Round;
  group: RaterGroup;
  units: { value: string; label: string }[];
  onIssued: (batch: TokenSheetBatch) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ count?: number | null; unitId?: string }>();
  const issue = useIssueTokens();
  const ownUnit = group.rates === 'ownUnit';
  return (
    <>
      {issue.isError ? (
        <Alert
          type="error"
          showIcon
          title={assessmentErrorText(t, issue.error)}
          style={{ marginBottom: 12 }}
          data-testid={`tokens-error-${group.id}`}
        />
      ) : null}
      <Form
        form={form}
        layout="inline"
        autoComplete="off"
        initialValues={{ count: Math.min(group.maxRaters, Math.max(group.minRaters, 1)) }}
        onFinish={({ count, unitId }) => {
          if (!count) return;
          issue.mutate(
            { roundId: round.id, groupId: group.id, count, ...(ownUnit && unitId ? { unitId } : {}) },
            {
              onSuccess: (res) => {
                const unitName = units.find((u) => u.value === res.unitId)?.label;
                const batch: TokenSheetBatch = {
                  roundName: round.name,
                  groupName: group.name,
                  ...(unitName ? { unitName } : {}),
                  codes: res.codes,
                  ballotBaseUrl: `${window.location.origin}/ballot`,
                };
                openPrintPage(batch);
                onIssued(batch);
              },
            },
          );
        }}
        style={{ rowGap: 8 }}
      >
        {ownUnit ? (
          <Form.Item
            name="unitId"
            label={t('assessment.tokens.unit')}
            rules={[{ required: true, message: t('assessment.validation.unitRequired') }]}
          >
            <Select
              options={units}
              placeholder={t('assessment.tokens.unitPlaceholder')}
              style={{ width: 240 }}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid={`tokens-unit-${group.id}`}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="count"
          label={t('assessment.tokens.count')}
          rules={[
            { required: true, message: t('assessment.validation.countRequired') },
            {
              type: 'integer',
              min: 1,
              max: group.maxRaters,
              message: t('assessment.validation.countRange', { max: group.maxRaters }),
            },
          ]}
        >
          <InputNumber
            min={1}
            max={group.maxRaters}
            precision={0}
            style={{ width: 100 }}
            data-testid={`tokens-count-${group.id}`}
          />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PrinterOutlined />}
            loading={issue.isPending}
            data-testid={`tokens-issue-${group.id}`}
          >
            {t('assessment.tokens.issue')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

/** 作废评议票: an unused slip, by its code. */
function RevokeCard({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const revoke = useRevokeToken();
  return (
    <Card size="small" title={t('assessment.tokens.revokeTitle')}>
      <Typography.Paragraph type="secondary">{t('assessment.tokens.revokeHint')}</Typography.Paragraph>
      {revoke.isError ? (
        <Alert
          type="error"
          showIcon
          title={assessmentErrorText(t, revoke.error)}
          style={{ marginBottom: 12 }}
          data-testid="tokens-revoke-error"
        />
      ) : null}
      <Form
        form={form}
        layout="inline"
        autoComplete="off"
        onFinish={({ code }) => {
          const trimmed = code.trim().toUpperCase();
          modal.confirm({
            title: t('assessment.tokens.revoke'),
            content: t('assessment.tokens.revokeConfirm', { code: trimmed }),
            okText: t('assessment.tokens.revoke'),
            cancelText: t('common.cancel'),
            okButtonProps: { danger: true, 'data-testid': 'tokens-revoke-confirm' },
            onOk: () =>
              revoke.mutateAsync({ roundId: round.id, code: trimmed }).then(
                () => {
                  void message.success(t('assessment.tokens.revoked', { code: trimmed }));
                  form.resetFields();
                },
                () => undefined,
              ),
          });
        }}
      >
        <Form.Item
          name="code"
          label={t('assessment.tokens.revokeCode')}
          rules={[{ required: true, whitespace: true, message: t('assessment.validation.codeRequired') }]}
        >
          <Input
            placeholder={t('assessment.tokens.revokePlaceholder')}
            style={{ width: 220, fontFamily: 'monospace' }}
            maxLength={40}
            data-testid="tokens-revoke-code"
          />
        </Form.Item>
        <Form.Item>
          <Button danger htmlType="submit" loading={revoke.isPending} data-testid="tokens-revoke">
            {t('assessment.tokens.revoke')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** 评议票: per rater group who rates whom, and the slips (issue, print, revoke). */
export function TokensTab({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { scheme, isPending, error } = useRoundScheme(round);
  const targets = useRoundTargets(round.id);
  const [batch, setBatch] = useState<TokenSheetBatch | null>(null);
  const issuing = round.state === 'draft' || round.state === 'open';

  const units = useMemo(() => {
    const byId = new Map<string, string>();
    for (const x of targets.data ?? []) byId.set(x.unitId, x.unitName);
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [targets.data]);

  if (error) return <QueryError error={error} />;
  if (isPending || !scheme) return <Skeleton active />;

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('assessment.tokens.intro')} />
      {issuing ? null : <Alert type="warning" showIcon title={t('assessment.tokens.closedHint')} />}
      {scheme.raterGroups.map((g) => (
        <Card
          key={g.id}
          size="small"
          title={t('assessment.tokens.groupTitle', { name: g.name, weight: g.weight })}
          data-testid={`tokens-group-${g.id}`}
        >
          <Flex vertical gap={12}>
            <Flex gap={6} wrap>
              <Tag color={g.mode === 'bearer' ? 'blue' : 'default'}>{t(`assessment.modes.${g.mode}`)}</Tag>
              <Tag>{t(`assessment.rates.${g.rates}`)}</Tag>
              <Tag>{t('assessment.tokens.ratersRange', { min: g.minRaters, max: g.maxRaters })}</Tag>
              <Typography.Text type="secondary">
                {g.rates === 'ownUnit'
                  ? t('assessment.tokens.maxHintUnit', { max: g.maxRaters })
                  : t('assessment.tokens.maxHint', { max: g.maxRaters })}
              </Typography.Text>
            </Flex>
            {g.mode === 'named' ? (
              <Typography.Text type="secondary">{t('assessment.tokens.namedHint')}</Typography.Text>
            ) : issuing ? (
              <GroupIssueForm round={round} group={g} units={units} onIssued={setBatch} />
            ) : null}
          </Flex>
        </Card>
      ))}
      {issuing ? <RevokeCard round={round} /> : null}
      <CodesModal batch={batch} onClose={() => setBatch(null)} />
    </Flex>
  );
}
