import { SaveOutlined } from '@ant-design/icons';
import { can, type Pack, type PackDetail, type PackSummary } from '@ganbu/core';
import { Alert, App, Button, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePack, usePacks } from '../../../hooks/api/assessment.ts';
import { packProblemsOf, useSavePack } from '../../../hooks/api/assessment-extra.ts';
import { isApiError } from '../../../lib/http.ts';
import { assessmentErrorText } from '../assessment-error.ts';
import {
  buildBody,
  changedNumbers,
  cloneDraft,
  freshPackId,
  today,
  placeProblems,
  setAt,
  validateDraft,
  type CloneHeader,
  type NoteDraft,
} from './editor-model.ts';
import { EditorContext, type EditorApi } from './fields.tsx';
import { pointerLabel } from './pointer-label.ts';
import { GradeScaleSection, HeaderSection, QuotaRuleSection, SchemeSection } from './sections.tsx';
import { PaySection } from './PaySection.tsx';
import { WorkflowSection } from './WorkflowSection.tsx';
import { DisciplineView } from '../packs/DisciplineView.tsx';
import { SelectionView } from '../packs/SelectionView.tsx';

/** The header from the URL; an edited version without one is edited in place, a shipped one copied. */
function headerOf(
  search: URLSearchParams,
  source: PackDetail,
  versions: readonly PackSummary[],
  copySuffix: string,
): CloneHeader {
  const pid = search.get('pid');
  if (pid)
    return {
      id: pid,
      name: search.get('name') ?? source.body.name,
      effectiveFrom: search.get('date') ?? source.effectiveFrom,
      note: search.get('note') ?? '',
    };
  if (source.origin === 'edited')
    return {
      id: source.packId,
      name: source.body.name,
      effectiveFrom: source.effectiveFrom,
      note: source.body.version.note,
    };
  return {
    id: freshPackId(source.packId, versions),
    name: `${source.body.name}${copySuffix}`.slice(0, 50),
    effectiveFrom: today(),
    note: '',
  };
}

function Editor({ source, versions }: { source: PackDetail; versions: readonly PackSummary[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const base: Pack = source.body;
  const [draft, setDraft] = useState<Pack>(() =>
    cloneDraft(base, headerOf(search, source, versions, t('assessment.packEdit.copySuffix'))),
  );
  const [notes, setNotes] = useState<Record<string, NoteDraft>>({});
  const [serverProblems, setServerProblems] = useState<{ path: string; message: string }[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const save = useSavePack();

  const update = useCallback((pointer: string, value: unknown) => {
    setDraft((d) => setAt(d, pointer, value));
    setServerProblems([]);
    setServerError(null);
  }, []);
  const setNote = useCallback((pointer: string, note: NoteDraft) => {
    setNotes((n) => ({ ...n, [pointer]: note }));
    setServerProblems([]);
    setServerError(null);
  }, []);

  const live = useMemo(
    () => validateDraft(t, base, draft, notes, versions),
    [t, base, draft, notes, versions],
  );
  const { placed, unplaced } = useMemo(() => {
    const all = new Map(live);
    for (const p of serverProblems) all.set(p.path, [...(all.get(p.path) ?? []), p.message]);
    return placeProblems(all);
  }, [live, serverProblems]);
  const changed = useMemo(() => new Set(changedNumbers(base, draft)), [base, draft]);
  const count = [...placed.values()].reduce((n, l) => n + l.length, 0) + unplaced.length;

  const api: EditorApi = { base, draft, problems: placed, changed, notes, update, setNote };
  const overwrites = versions.find(
    (v) =>
      v.origin === 'edited' &&
      v.packId === draft.id &&
      v.effectiveFrom === draft.version.effectiveFrom &&
      v.id !== source.id,
  );

  const submit = () => {
    if (live.size > 0) {
      void message.error(t('assessment.packEdit.fixFirst', { count: [...live.values()].flat().length }));
      requestAnimationFrame(() =>
        document.querySelector('.pe-problem')?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
      );
      return;
    }
    save.mutate(buildBody(base, draft, notes), {
      onSuccess: (saved) => {
        void message.success(t('assessment.packEdit.saved', { name: saved.name, date: saved.effectiveFrom }));
        window.scrollTo({ top: 0 });
        void navigate(`/assessment/packs?id=${saved.id}`);
      },
      onError: (err) => {
        const invalid = isApiError(err) && err.code === 'PACK_INVALID';
        setServerProblems(invalid ? packProblemsOf(err.details) : []);
        // the server's own sentence for a refused pack (the code's general text is for a broken one)
        setServerError(invalid && err.message ? err.message : assessmentErrorText(t, err));
        window.scrollTo({ top: 0, behavior: 'smooth' });
      },
    });
  };

  return (
    <EditorContext.Provider value={api}>
      <Flex vertical gap={16} data-testid="pack-editor">
        <Alert
          type="info"
          showIcon
          title={t('assessment.packEdit.editing', {
            name: base.name,
            packId: source.packId,
            date: source.effectiveFrom,
          })}
          description={t('assessment.packEdit.editingHelp')}
        />
        {serverError ? (
          <Alert
            type="error"
            showIcon
            title={serverError}
            description={serverProblems.length ? t('assessment.packEdit.serverProblems') : undefined}
            data-testid="pe-server-error"
          />
        ) : null}
        {unplaced.length ? (
          <Alert
            type="error"
            showIcon
            title={t('assessment.packEdit.otherProblems')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="pe-unplaced">
                {unplaced.map((p) => (
                  <li key={`${p.pointer}:${p.message}`}>
                    <Typography.Text strong>{pointerLabel(t, p.pointer, draft, base)}</Typography.Text>：
                    {p.message}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        {overwrites ? <Alert type="warning" showIcon title={t('assessment.packEdit.overwrites')} /> : null}
        <HeaderSection />
        {draft.assessment.gradeScales.map((g, i) => (
          <GradeScaleSection key={g.id} index={i} />
        ))}
        {draft.assessment.quotaRules.map((q, i) => (
          <QuotaRuleSection key={q.id} index={i} />
        ))}
        {draft.assessment.schemes.map((s, i) => (
          <SchemeSection key={s.id} index={i} />
        ))}
        <WorkflowSection />
        <PaySection />
        <SelectionView pack={draft} readOnlyNote />
        {draft.discipline ? <DisciplineView section={draft.discipline} readOnlyNote /> : null}
        <Flex
          justify="space-between"
          align="center"
          gap={12}
          wrap
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 5,
            background: '#fff',
            borderTop: '1px solid #f0f0f0',
            boxShadow: '0 -2px 8px rgba(0,0,0,0.06)',
            padding: '10px 16px',
            margin: '0 -16px',
          }}
        >
          <Flex gap={8} align="center" wrap>
            {count > 0 ? (
              <Tag color="red" data-testid="pe-problem-count">
                {t('assessment.packEdit.problemCount', { count })}
              </Tag>
            ) : (
              <Tag color="green" data-testid="pe-problem-count">
                {t('assessment.packEdit.noProblems')}
              </Tag>
            )}
            <Typography.Text type="secondary">
              {t('assessment.packEdit.changedCount', { count: changed.size })}
            </Typography.Text>
          </Flex>
          <Flex gap={8}>
            <Button onClick={() => void navigate(`/assessment/packs?id=${source.id}`)}>
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              onClick={submit}
              data-testid="pe-save"
            >
              {t('assessment.packEdit.save')}
            </Button>
          </Flex>
        </Flex>
      </Flex>
    </EditorContext.Provider>
  );
}

/** 编辑政策包: a copy of a version (or a district version itself) as a form, validated while typing. */
export function PackEditPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { id } = useParams();
  const packs = usePacks();
  const source = usePack(id);
  const allowed = can(me.roles, 'pack.write');

  return (
    <PageContainer title={t('assessment.packEdit.title')}>
      {!allowed ? (
        <Result status="403" subTitle={t('common.forbidden')} />
      ) : source.isError ? (
        <QueryError error={source.error} onRetry={() => void source.refetch()} />
      ) : packs.isError ? (
        <QueryError error={packs.error} onRetry={() => void packs.refetch()} />
      ) : !source.data || !packs.data ? (
        <Skeleton active />
      ) : (
        <Editor key={source.data.id} source={source.data} versions={packs.data} />
      )}
    </PageContainer>
  );
}

export default PackEditPage;
