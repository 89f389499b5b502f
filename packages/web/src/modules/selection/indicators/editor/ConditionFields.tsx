import {
  CADRE_CATEGORIES,
  CADRE_TAGS,
  conditionText,
  ORG_KINDS,
  ORG_TAGS,
  POOL_KINDS,
  ROLE_KINDS,
  type CadreCondition,
  type PoolKind,
} from '@ganbu/core';
import { Col, Flex, InputNumber, Row, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EDUCATION_VALUES,
  POLITICAL_STATUS_VALUES,
  RANK_VALUES,
  valueOptions,
} from '../../../cadres/cadre-vocab.ts';
import { setClause } from './indicator-draft.ts';

type Flag =
  'professionalType' | 'streetOrTownship' | 'streetLeadership' | 'townshipSecretary' | 'currentLeadership';
const FLAGS: readonly Flag[] = [
  'streetOrTownship',
  'streetLeadership',
  'townshipSecretary',
  'professionalType',
  'currentLeadership',
];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex vertical gap={2}>
      <Typography.Text style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>{label}</Typography.Text>
      {children}
    </Flex>
  );
}

/**
 * A condition over a cadre from the building blocks (no code): unit kind and tags, category, rank, gender, age,
 * education, political status, tags, professional type, the facts derived from the appointment history, the
 * current post, pool membership. An empty field sets no clause; the condition in words is shown below.
 */
export function ConditionFields({
  value,
  onChange,
  poolLevels,
  testId,
}: {
  value: CadreCondition;
  onChange: (next: CadreCondition) => void;
  /** the pack's pool levels by kind (options of the pool clause) */
  poolLevels: Record<PoolKind, string[]>;
  testId: string;
}) {
  const { t } = useTranslation();
  const p = 'selection.indicators.editor.cond';
  const set = <K extends keyof CadreCondition>(key: K, v: CadreCondition[K] | undefined) =>
    onChange(setClause(value, key, v));
  const multi = { mode: 'multiple' as const, allowClear: true, style: { width: '100%' } };
  const tagsMode = { mode: 'tags' as const, allowClear: true, style: { width: '100%' } };
  const flagValue = (f: Flag) => (value[f] === undefined ? 'any' : value[f] ? 'yes' : 'no');
  const flagOptions = [
    { value: 'any', label: t(`${p}.any`) },
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  const num = (v: number | null) => (v === null ? undefined : v);

  return (
    <Flex vertical gap={12} data-testid={testId}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Field label={t(`${p}.orgKinds`)}>
            <Select
              {...multi}
              value={value.orgKinds ?? []}
              onChange={(v) => set('orgKinds', v)}
              options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
              placeholder={t(`${p}.any`)}
              data-testid={`${testId}-orgKinds`}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label={t(`${p}.orgTags`)}>
            <Select
              {...multi}
              value={value.orgTags ?? []}
              onChange={(v) => set('orgTags', v)}
              options={ORG_TAGS.map((k) => ({ value: k, label: t(`${p}.orgTag.${k}`) }))}
              placeholder={t(`${p}.any`)}
              data-testid={`${testId}-orgTags`}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label={t(`${p}.categories`)}>
            <Select
              {...multi}
              value={value.categories ?? []}
              onChange={(v) => set('categories', v)}
              options={CADRE_CATEGORIES.map((k) => ({ value: k, label: t(`${p}.category.${k}`) }))}
              placeholder={t(`${p}.any`)}
              data-testid={`${testId}-categories`}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label={t(`${p}.ranks`)}>
            <Select
              {...tagsMode}
              value={value.ranks ?? []}
              onChange={(v) => set('ranks', v)}
              options={valueOptions(RANK_VALUES)}
              placeholder={t(`${p}.any`)}
              data-testid={`${testId}-ranks`}
            />
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field label={t(`${p}.gender`)}>
            <Select
              style={{ width: '100%' }}
              value={value.gender ?? 'any'}
              onChange={(v: 'any' | 'male' | 'female') => set('gender', v === 'any' ? undefined : v)}
              options={[
                { value: 'any', label: t(`${p}.any`) },
                { value: 'female', label: t(`${p}.female`) },
                { value: 'male', label: t(`${p}.male`) },
              ]}
              data-testid={`${testId}-gender`}
            />
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field label={t(`${p}.ageMin`)}>
            <InputNumber
              style={{ width: '100%' }}
              min={0}
              max={120}
              precision={0}
              value={value.ageMin ?? null}
              onChange={(v) => set('ageMin', num(v))}
              data-testid={`${testId}-ageMin`}
            />
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field label={t(`${p}.ageMax`)}>
            <InputNumber
              style={{ width: '100%' }}
              min={0}
              max={120}
              precision={0}
              value={value.ageMax ?? null}
              onChange={(v) => set('ageMax', num(v))}
              data-testid={`${testId}-ageMax`}
            />
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field label={t(`${p}.grassrootsYearsMin`)}>
            <InputNumber
              style={{ width: '100%' }}
              min={0}
              max={60}
              precision={1}
              value={value.grassrootsYearsMin ?? null}
              onChange={(v) => set('grassrootsYearsMin', num(v))}
              data-testid={`${testId}-grassrootsYearsMin`}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label={t(`${p}.educations`)}>
            <Select
              {...tagsMode}
              value={value.educations ?? []}
              onChange={(v) => set('educations', v)}
              options={valueOptions(EDUCATION_VALUES)}
              placeholder={t(`${p}.any`)}
              data-testid={`${testId}-educations`}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label={t(`${p}.politicalStatuses`)}>
            <Select
              {...tagsMode}
              value={value.politicalStatuses ?? []}
              onChange={(v) => set('politicalStatuses', v)}
              options={valueOptions(POLITICAL_STATUS_VALUES)}
              placeholder={t(`${p}.any`)}
              data-testid={`${testId}-politicalStatuses`}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label={t(`${p}.tags`)}>
            <Select
              {...tagsMode}
              value={value.tags ?? []}
              onChange={(v) => set('tags', v)}
              options={CADRE_TAGS.map((k) => ({ value: k, label: t(`${p}.tag.${k}`) }))}
              placeholder={t(`${p}.any`)}
              data-testid={`${testId}-tags`}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label={t(`${p}.currentRoleKinds`)}>
            <Select
              {...multi}
              value={value.currentRoleKinds ?? []}
              onChange={(v) => set('currentRoleKinds', v)}
              options={ROLE_KINDS.map((k) => ({ value: k, label: t(`${p}.roleKind.${k}`) }))}
              placeholder={t(`${p}.any`)}
              data-testid={`${testId}-currentRoleKinds`}
            />
          </Field>
        </Col>
        {FLAGS.map((f) => (
          <Col key={f} xs={12} md={8}>
            <Field label={t(`${p}.flag.${f}`)}>
              <Select
                style={{ width: '100%' }}
                value={flagValue(f)}
                onChange={(v: string) => set(f, v === 'any' ? undefined : v === 'yes')}
                options={flagOptions}
                data-testid={`${testId}-${f}`}
              />
            </Field>
          </Col>
        ))}
        <Col xs={12} md={8}>
          <Field label={t(`${p}.pool`)}>
            <Select
              style={{ width: '100%' }}
              value={value.pool?.kind ?? 'any'}
              onChange={(v: string) => set('pool', v === 'any' ? undefined : { kind: v as PoolKind })}
              options={[
                { value: 'any', label: t(`${p}.any`) },
                ...POOL_KINDS.map((k) => ({ value: k, label: t(`${p}.poolKind.${k}`) })),
              ]}
              data-testid={`${testId}-pool`}
            />
          </Field>
        </Col>
        {value.pool ? (
          <Col xs={24} md={16}>
            <Field label={t(`${p}.poolLevels`)}>
              <Select
                {...tagsMode}
                value={value.pool.levels ?? []}
                onChange={(v: string[]) =>
                  value.pool &&
                  set('pool', v.length ? { kind: value.pool.kind, levels: v } : { kind: value.pool.kind })
                }
                options={valueOptions(poolLevels[value.pool.kind])}
                placeholder={t(`${p}.allLevels`)}
                data-testid={`${testId}-poolLevels`}
              />
            </Field>
          </Col>
        ) : null}
      </Row>
      <Typography.Text type="secondary" data-testid={`${testId}-text`}>
        {t(`${p}.inWords`, { text: conditionText(value) })}
      </Typography.Text>
    </Flex>
  );
}
