import { ageAt, currentPostText, formatDot, type CadreDetail } from '@ganbu/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cadrePhotoUrl } from '../../../hooks/api/cadres.ts';

/** Family rows printed even when the record has fewer members (as on the paper form). */
const MIN_FAMILY_ROWS = 7;

const dot = (d: string | null | undefined) => (d ? formatDot(d.slice(0, 7)) : '');
/** A date kept verbatim from a form (`20240615`, `202406`) in the dotted style; other text unchanged. */
const formDate = (v: string) =>
  v.replace(/^(\d{4})(\d{2})(\d{2})?$/, (_m, y: string, m: string, d?: string) =>
    [y, m, d].filter(Boolean).join('.'),
  );

type Education = CadreDetail['fullTimeEducation'];
const level = (e: Education) => [e.education, e.degree].filter(Boolean).join('\n');
const school = (e: Education) => [e.school, e.major].filter(Boolean).join('');

/** A label cell (bold, centred; `\n` in the text breaks the line). */
function L({ children, ...rest }: { children: ReactNode; colSpan?: number; rowSpan?: number }) {
  return (
    <th className="af-label" {...rest}>
      {children}
    </th>
  );
}

/** A value cell; `left` for long text. */
function V({
  children,
  left,
  ...rest
}: {
  children: ReactNode;
  left?: boolean;
  colSpan?: number;
  className?: string;
}) {
  return (
    <td {...rest} className={[left ? 'af-left' : '', rest.className ?? ''].join(' ').trim() || undefined}>
      {children}
    </td>
  );
}

function Photo({ cadre }: { cadre: CadreDetail }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  return (
    <div className="af-photo">
      {cadre.hasPhoto && !failed ? (
        <img
          src={cadrePhotoUrl(cadre.id)}
          alt={t('cadre.photoAlt', { name: cadre.name })}
          onError={() => setFailed(true)}
        />
      ) : (
        <span>{t('approvalForm.photo')}</span>
      )}
    </div>
  );
}

/**
 * `2009.07--2015.12  text`, `2022.03--         text`, `2008.01至2010.06 text`, `2010.06—至今 text`: the period
 * of a 简历 entry, then its text (the separators core parseResume reads).
 */
const RESUME_ENTRY =
  /^(\d{4}[.．]\d{1,2}\s*(?:-{1,2}|－{1,2}|—{1,2}|–{1,2}|[~～〜]|至|到)(?:\s*(?:\d{4}[.．]\d{1,2}|至今|今))?)\s*(.*)$/;
/** A continuation or 其间 line: indented (spaces, full-width spaces or tabs) under the text of the entry above. */
const RESUME_CONTINUED = /^\s+(\S.*)$/;

/**
 * One 简历 line. The period goes in a box of its own, so the texts line up whatever the font:
 * the spaces that pad the period in the plain text are narrower than digits in a serif font.
 */
function ResumeLine({ line }: { line: string }) {
  const entry = RESUME_ENTRY.exec(line);
  const continued = entry ? null : RESUME_CONTINUED.exec(line);
  if (!entry && !continued) return <div className="af-resume-line af-resume-plain">{line}</div>;
  return (
    <div className="af-resume-line">
      <span className="af-resume-period">{entry ? entry[1] : ''}</span>
      <span className="af-resume-text">{entry ? entry[2] : continued?.[1]}</span>
    </div>
  );
}

/**
 * 干部任免审批表 as two A4 sheets, laid out like the paper form (and the .docx the server writes):
 * personal data, education, posts and 简历 on the first; rewards, assessment, reason, family and
 * approvals on the second. `asOf` (YYYY-MM-DD) is the date ages are computed at.
 */
export function ApprovalSheets({ cadre, asOf }: { cadre: CadreDetail; asOf: string }) {
  const { t } = useTranslation();
  const x = cadre.extras;
  // the server's printable 简历: the text as it came while it matches the appointments (core printedResume)
  const resume = cadre.resume.split(/\r\n|\r|\n/);
  const family: (CadreDetail['family'][number] | null)[] = [...cadre.family];
  while (family.length < MIN_FAMILY_ROWS) family.push(null);
  const asOfMonth = dot(asOf);

  return (
    <>
      <section className="approval-sheet">
        <h1 className="af-title">{t('approvalForm.title')}</h1>
        <table className="af-table">
          <colgroup>
            {[20, 22, 20, 22, 22, 40, 34].map((w, i) => (
              <col key={i} style={{ width: `${w}mm` }} />
            ))}
          </colgroup>
          <tbody>
            <tr className="af-row-base">
              <L>{t('approvalForm.name')}</L>
              <V>{cadre.name}</V>
              <L>{t('approvalForm.gender')}</L>
              <V>{t(`gender.${cadre.gender}`)}</V>
              <L>{t('approvalForm.birth')}</L>
              <V>
                {dot(cadre.birthDate)}
                {'\n'}
                {t('approvalForm.age', { age: ageAt(cadre.birthDate, asOf) })}
              </V>
              <td rowSpan={4} className="af-photo-cell">
                <Photo cadre={cadre} />
              </td>
            </tr>
            <tr className="af-row-base">
              <L>{t('approvalForm.ethnicity')}</L>
              <V>{cadre.ethnicity}</V>
              <L>{t('approvalForm.nativePlace')}</L>
              <V>{cadre.nativePlace}</V>
              <L>{t('approvalForm.birthPlace')}</L>
              <V>{cadre.birthPlace}</V>
            </tr>
            <tr className="af-row-base">
              <L>{t('approvalForm.partyJoinDate')}</L>
              <V>{dot(cadre.partyJoinDate) || cadre.politicalStatus}</V>
              <L>{t('approvalForm.workStartDate')}</L>
              <V>{dot(cadre.workStartDate)}</V>
              <L>{t('approvalForm.health')}</L>
              <V>{cadre.health}</V>
            </tr>
            <tr className="af-row-base">
              <L>{t('approvalForm.professionalTitle')}</L>
              <V colSpan={2}>{cadre.professionalTitle}</V>
              <L>{t('approvalForm.specialty')}</L>
              <V colSpan={2}>{cadre.specialty}</V>
            </tr>
            <tr className="af-row-edu">
              <L rowSpan={2}>{t('approvalForm.education')}</L>
              <L>{t('approvalForm.fullTime')}</L>
              <V colSpan={2}>{level(cadre.fullTimeEducation)}</V>
              <L>{t('approvalForm.schoolMajor')}</L>
              <V colSpan={2} left>
                {school(cadre.fullTimeEducation)}
              </V>
            </tr>
            <tr className="af-row-edu">
              <L>{t('approvalForm.inService')}</L>
              <V colSpan={2}>{level(cadre.inServiceEducation)}</V>
              <L>{t('approvalForm.schoolMajor')}</L>
              <V colSpan={2} left>
                {school(cadre.inServiceEducation)}
              </V>
            </tr>
            {(
              [
                ['postTitle', currentPostText(cadre)],
                ['proposedPost', x.NiRenZhiWu ?? ''],
                ['proposedRemoval', x.NiMianZhiWu ?? ''],
              ] as const
            ).map(([key, value]) => (
              <tr key={key} className="af-row-post">
                <L colSpan={2}>{t(`approvalForm.${key}`)}</L>
                <V colSpan={5} left>
                  {value}
                </V>
              </tr>
            ))}
            <tr className="af-row-resume">
              <L>{t('approvalForm.resume')}</L>
              <V colSpan={6} left className="af-resume">
                {resume.map((line, i) => (
                  <ResumeLine key={i} line={line} />
                ))}
              </V>
            </tr>
          </tbody>
        </table>
      </section>

      <section className="approval-sheet">
        <table className="af-table">
          <colgroup>
            {[20, 18, 22, 14, 22, 84].map((w, i) => (
              <col key={i} style={{ width: `${w}mm` }} />
            ))}
          </colgroup>
          <tbody>
            <tr className="af-row-rewards">
              <L>{t('approvalForm.rewards')}</L>
              <V colSpan={5} left>
                {cadre.rewardsAndPunishments}
              </V>
            </tr>
            <tr className="af-row-mid">
              <L>{t('approvalForm.assessment')}</L>
              <V colSpan={5} left>
                {cadre.annualAssessmentShown}
              </V>
            </tr>
            <tr className="af-row-mid">
              <L>{t('approvalForm.reason')}</L>
              <V colSpan={5} left>
                {x.RenMianLiYou ?? ''}
              </V>
            </tr>
            <tr className="af-row-family">
              <L rowSpan={family.length + 1}>{t('approvalForm.family')}</L>
              <L>{t('approvalForm.relation')}</L>
              <L>{t('approvalForm.familyName')}</L>
              <L>{t('approvalForm.familyAge')}</L>
              <L>{t('approvalForm.politicalStatus')}</L>
              <L>{t('approvalForm.workUnitAndPost')}</L>
            </tr>
            {family.map((m, i) => (
              <tr key={i} className="af-row-family">
                <V>{m?.relation}</V>
                <V>{m?.name}</V>
                <V>{m?.birthDate ? ageAt(m.birthDate, asOf) : ''}</V>
                <V>{m?.politicalStatus}</V>
                <V left>{m?.workUnitAndPost}</V>
              </tr>
            ))}
            <tr className="af-row-approval">
              <L>{t('approvalForm.reportingUnit')}</L>
              <V colSpan={3} className="af-sign">
                <div>{x.ChengBaoDanWei ?? ''}</div>
                <div className="af-date">{t('approvalForm.dateBlank')}</div>
              </V>
              <L>{t('approvalForm.approvalOpinion')}</L>
              <V className="af-sign">
                <div />
                <div className="af-date">
                  {t('approvalForm.seal')}
                  {'\n'}
                  {t('approvalForm.dateBlank')}
                </div>
              </V>
            </tr>
          </tbody>
        </table>
        <div className="af-footer">
          <span>{t('approvalForm.ageAsOf', { value: asOfMonth })}</span>
          <span>
            {t('approvalForm.filledAt', {
              value: x.TianBiaoShiJian ? formDate(x.TianBiaoShiJian) : asOfMonth,
            })}
          </span>
          <span>{t('approvalForm.filledBy', { value: x.TianBiaoRen ?? '' })}</span>
        </div>
      </section>
    </>
  );
}
