import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditObjectTypeLabel } from './audit-labels.ts';

describe('audit labels', () => {
  it('names known actions and audited routes in Chinese and English', () => {
    expect(auditActionLabel('auth.login')).toBe('登录');
    expect(auditActionLabel('cadre.reveal')).toBe('查看干部敏感信息明文');
    expect(auditActionLabel('POST /api/auth/login')).toBe('登录');
    expect(auditActionLabel('POST /api/users/:id/reset-password')).toBe('重置密码');
    expect(auditActionLabel('assessment.round.publish', 'en')).toBe('Publish results');
    expect(auditActionLabel('request.refused.summary')).toBe('未登录请求被拒（每分钟汇总）');
  });

  it('keeps an unknown code or route readable behind its module or method', () => {
    expect(auditActionLabel('assessment.ballots.batch')).toBe('考核评价 · assessment.ballots.batch');
    expect(auditActionLabel('assessment.ballots.batch', 'en')).toBe('Assessment: assessment.ballots.batch');
    expect(auditActionLabel('POST /api/things/:id')).toBe('提交 · POST /api/things/:id');
    expect(auditActionLabel('DELETE /api/things/:id', 'en')).toBe('Delete: DELETE /api/things/:id');
    expect(auditActionLabel('something')).toBe('something');
  });

  it('names object types, taking a route’s module when the entry has none', () => {
    expect(auditObjectTypeLabel('assessment_round', 'assessment.waiver')).toBe('考核轮次');
    expect(auditObjectTypeLabel(null, 'POST /api/orgs')).toBe('单位');
    expect(auditObjectTypeLabel(null, 'PATCH /api/users/:id', 'en')).toBe('User');
    expect(auditObjectTypeLabel(null, 'request.refused.summary')).toBe('请求');
    expect(auditObjectTypeLabel('gadget', 'x.y')).toBe('gadget');
    expect(auditObjectTypeLabel(null, 'something')).toBeNull();
  });
});
