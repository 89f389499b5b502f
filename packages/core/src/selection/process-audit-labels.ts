import type { AuditLabel } from '../platform/audit-labels.ts';

const SELECTION: AuditLabel = { zh: '选拔任用', en: 'Selection' };
const PROCESS: AuditLabel = { zh: '选拔任用程序', en: 'Selection process' };

/** How the audit page names what the selection processes write (选拔任用, R-SEL-2). */
export const SELECTION_PROCESS_AUDIT = {
  actions: {
    'selection.process.create': { zh: '发起选拔任用', en: 'Open selection process' },
    'selection.candidate.add': { zh: '提出选拔人选', en: 'Add selection candidate' },
    'selection.candidate.out': { zh: '人选出列', en: 'Candidate leaves selection' },
    'selection.results.record': { zh: '录入选拔环节结果', en: 'Record selection step results' },
    'selection.decision': { zh: '确定拟任人选', en: 'Decide selection' },
    'selection.notice.create': { zh: '发布任前公示', en: 'Issue public notice' },
    'selection.notice.document': { zh: '下载公示通知', en: 'Download public notice' },
    'selection.objection.create': { zh: '登记公示反映问题', en: 'Record notice objection' },
    'selection.objection.close': { zh: '办结公示反映问题', en: 'Close notice objection' },
    'selection.process.state': { zh: '选拔任用状态变更', en: 'Selection process state changed' },
    'selection.appointment': { zh: '选拔任用任职入库', en: 'Selection appointment written to registry' },
  },
  routes: {
    'POST /api/selection/processes': { zh: '发起选拔任用', en: 'Open selection process' },
    'POST /api/selection/processes/:id/candidates': { zh: '提出选拔人选', en: 'Add selection candidate' },
    'POST /api/selection/processes/:id/candidates/:candidateId/out': {
      zh: '人选出列',
      en: 'Candidate leaves selection',
    },
    'POST /api/selection/processes/:id/steps/:stepId/results': {
      zh: '录入选拔环节结果',
      en: 'Record selection step results',
    },
    'POST /api/selection/processes/:id/decision': { zh: '确定拟任人选', en: 'Decide selection' },
    'POST /api/selection/processes/:id/notices': { zh: '发布任前公示', en: 'Issue public notice' },
    'POST /api/selection/processes/:id/notices/:noticeId/objections': {
      zh: '登记公示反映问题',
      en: 'Record notice objection',
    },
    'POST /api/selection/processes/:id/objections/:objectionId/close': {
      zh: '办结公示反映问题',
      en: 'Close notice objection',
    },
    'POST /api/selection/processes/:id/act': { zh: '推进选拔任用', en: 'Advance selection process' },
  },
  objectTypes: {
    selection_process: PROCESS,
    selection_candidate: { zh: '选拔人选', en: 'Selection candidate' },
    selection_notice: { zh: '任前公示', en: 'Public notice' },
    selection_objection: { zh: '公示反映问题', en: 'Notice objection' },
  },
  modules: { selection: { label: SELECTION, objectType: 'selection_process' } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
