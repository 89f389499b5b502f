import { LockOutlined } from '@ant-design/icons';
import { can, type CadreDetail, type Education } from '@ganbu/core';
import { Descriptions, Flex, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { tagLabel } from '../cadre-vocab.ts';
import { CadrePhoto } from './CadrePhoto.tsx';

const MULTILINE = { whiteSpace: 'pre-wrap' } as const;

/** 基本信息: photo and the record's own fields; sensitive ones masked unless revealed. */
export function BasicInfoTab({ cadre, editable }: { cadre: CadreDetail; editable: boolean }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const text = (v: string | null | undefined): ReactNode => (v ? v : empty);
  const age = cadre.facts.age?.value;
  const mayOpenRounds = can(useCurrentMe().roles, 'assessment.manage');

  // Masked values are shown with a lock, so it is clear they are not the real ones.
  const sensitive = (v: string | null): ReactNode => {
    if (!v) return empty;
    if (cadre.revealed) return <span data-sensitive="clear">{v}</span>;
    return (
      <Tooltip title={t('cadre.maskedHint')}>
        <Typography.Text type="secondary" data-sensitive="masked">
          <LockOutlined style={{ marginInlineEnd: 4 }} />
          {v}
        </Typography.Text>
      </Tooltip>
    );
  };

  const education = (e: Education): ReactNode => {
    const main = [e.education, e.degree].filter(Boolean).join(' / ');
    const school = [e.school, e.major].filter(Boolean).join(' ');
    if (!main && !school) return empty;
    return (
      <Flex vertical>
        <span>{main || empty}</span>
        {school ? <Typography.Text type="secondary">{school}</Typography.Text> : null}
      </Flex>
    );
  };

  return (
    <Flex gap={24} wrap align="flex-start">
      <CadrePhoto cadreId={cadre.id} name={cadre.name} hasPhoto={cadre.hasPhoto} editable={editable} />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
        style={{ flex: '1 1 560px', minWidth: 0 }}
        data-testid="cadre-basic"
      >
        <Descriptions.Item label={t('cadre.name')}>{cadre.name}</Descriptions.Item>
        <Descriptions.Item label={t('cadre.gender')}>{t(`gender.${cadre.gender}`)}</Descriptions.Item>
        <Descriptions.Item label={t('cadre.birthDate')}>
          {cadre.birthDate}
          {typeof age === 'number' ? t('cadre.ageSuffix', { age }) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.ethnicity')}>{text(cadre.ethnicity)}</Descriptions.Item>
        <Descriptions.Item label={t('cadre.nativePlace')}>{text(cadre.nativePlace)}</Descriptions.Item>
        <Descriptions.Item label={t('cadre.birthPlace')}>{text(cadre.birthPlace)}</Descriptions.Item>
        <Descriptions.Item label={t('cadre.politicalStatus')}>
          {text(cadre.politicalStatus)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.partyJoinDate')}>{text(cadre.partyJoinDate)}</Descriptions.Item>
        <Descriptions.Item label={t('cadre.workStartDate')}>{text(cadre.workStartDate)}</Descriptions.Item>
        <Descriptions.Item label={t('cadre.idNumber')}>
          <span data-testid="cadre-id-number">{sensitive(cadre.idNumber)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.phone')}>
          <span data-testid="cadre-phone">{sensitive(cadre.phone)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.health')}>{sensitive(cadre.health)}</Descriptions.Item>
        <Descriptions.Item label={t('cadre.org')}>{cadre.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('cadre.establishmentOrg')}>
          <span data-testid="cadre-establishment">
            {cadre.establishmentOrgName && cadre.establishmentOrgId !== cadre.orgId
              ? cadre.establishmentOrgName
              : t('cadre.establishmentSame')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.postTitle')}>{text(cadre.postTitle)}</Descriptions.Item>
        <Descriptions.Item label={t('cadre.rank')}>{text(cadre.rank)}</Descriptions.Item>
        <Descriptions.Item label={t('cadre.category')}>
          {cadre.category ? t(`cadreCategories.${cadre.category}`) : empty}
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.professionalType')}>
          {cadre.professionalType ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.fullTimeEducation')}>
          {education(cadre.fullTimeEducation)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.inServiceEducation')}>
          {education(cadre.inServiceEducation)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.professionalTitle')}>
          {text(cadre.professionalTitle)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.tags')} span={3}>
          {cadre.tags.length === 0
            ? empty
            : cadre.tags.map((tag) => (
                <Tag key={tag} color="red">
                  {tagLabel(t, tag)}
                </Tag>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.specialty')} span={3}>
          {text(cadre.specialty)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.rewardsAndPunishments')} span={3}>
          <div style={MULTILINE}>{text(cadre.rewardsAndPunishments)}</div>
        </Descriptions.Item>
        <Descriptions.Item label={t('cadre.annualAssessment')} span={3}>
          <Flex vertical gap={4}>
            {cadre.annualAssessment || cadre.publishedAnnualResults.length === 0 ? (
              <div style={MULTILINE}>{text(cadre.annualAssessment)}</div>
            ) : null}
            {/* the published annual grades, each with the round it came from (R-ASM-6) */}
            {cadre.publishedAnnualResults.map((r) => (
              <div key={r.roundId} data-testid={`published-annual-${r.year}`}>
                <Tag color="blue">{t('cadre.publishedAnnual', { year: r.year, grade: r.gradeName })}</Tag>
                <Typography.Text type="secondary">
                  {mayOpenRounds ? (
                    <Link to={`/assessment/rounds/${r.roundId}`}>
                      {t('cadre.publishedFrom', { round: r.roundName })}
                    </Link>
                  ) : (
                    t('cadre.publishedFrom', { round: r.roundName })
                  )}
                </Typography.Text>
              </div>
            ))}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
