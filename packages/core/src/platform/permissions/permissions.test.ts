import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, permissionsOf, ROLES, type Permission, type Role } from '../roles.ts';

/**
 * The permission table as it stood in one list before it was split per module (issue 11), and the codes
 * of the modules added since (结对帮扶: pairing.read, pairing.write; 工作日历: calendar.read, calendar.write;
 * 待办 and case workflow: inbox.read, case.act; 从严管理 and 容错纠错: discipline.*, risk_filing.*, tolerance.apply,
 * clarification.accuser; 资格: eligibility.read; 考核等次申诉: assessment.appeal; 经济激励: pay.read, pay.manage, pay.tables, pay.mine;
 * 选拔任用与结构: indicator.read, indicator.define, selection.read, selection.manage, pool.read, pool.manage).
 */
const CODES = [
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'role.grant',
  'settings.write',
  'audit.read',
  'cadre.read',
  'cadre.write',
  'cadre.sensitive',
  'assessment.read',
  'assessment.manage',
  'assessment.appeal',
  'pack.write',
  'pairing.read',
  'pairing.write',
  'discipline.read',
  'discipline.write',
  'risk_filing.read',
  'risk_filing.write',
  'tolerance.apply',
  'clarification.accuser',
  'calendar.read',
  'calendar.write',
  'inbox.read',
  'case.act',
  'eligibility.read',
  'pay.read',
  'pay.manage',
  'pay.tables',
  'pay.mine',
  'indicator.read',
  'indicator.define',
  'selection.read',
  'selection.manage',
  'pool.read',
  'pool.manage',
];
const GRANTS: Record<Role, string[]> = {
  sysadmin: ['org.read', 'org.write', 'user.read', 'user.write'],
  secadmin: ['org.read', 'user.read', 'role.grant', 'settings.write'],
  auditor: ['audit.read'],
  orgdept: [
    'org.read',
    'org.write',
    'cadre.read',
    'cadre.write',
    'cadre.sensitive',
    'assessment.read',
    'assessment.manage',
    'pack.write',
    'pairing.read',
    'pairing.write',
    'discipline.read',
    'discipline.write',
    'risk_filing.read',
    'risk_filing.write',
    'tolerance.apply',
    'calendar.read',
    'calendar.write',
    'inbox.read',
    'case.act',
    'eligibility.read',
    'pay.read',
    'pay.manage',
    'pay.tables',
    'indicator.read',
    'indicator.define',
    'selection.read',
    'selection.manage',
    'pool.read',
    'pool.manage',
  ],
  unit_admin: [
    'org.read',
    'cadre.read',
    'cadre.write',
    'cadre.sensitive',
    'assessment.read',
    'assessment.manage',
    'pairing.read',
    'pairing.write',
    'risk_filing.read',
    'risk_filing.write',
    'tolerance.apply',
    'calendar.read',
    'inbox.read',
    'case.act',
    'pay.read',
    'pay.manage',
    'indicator.read',
    'selection.read',
    'pool.read',
    'pool.manage',
  ],
  leader: [
    'org.read',
    'cadre.read',
    'assessment.read',
    'pairing.read',
    'calendar.read',
    'inbox.read',
    'case.act',
    'pay.read',
    'indicator.read',
    'selection.read',
    'pool.read',
  ],
  cadre: [
    'org.read',
    'cadre.read',
    'assessment.read',
    'assessment.appeal',
    'pairing.read',
    'discipline.read',
    'tolerance.apply',
    'calendar.read',
    'inbox.read',
    'case.act',
    'eligibility.read',
    'pay.mine',
  ],
  // 纪检联络 (issue 12): finds the cadre a record is about
  discipline: [
    'org.read',
    'cadre.read',
    'discipline.read',
    'discipline.write',
    'risk_filing.read',
    'tolerance.apply',
    'clarification.accuser',
    'calendar.read',
    'inbox.read',
    'case.act',
    'eligibility.read',
  ],
};

describe('permissions composed from the modules', () => {
  it('keeps the same codes, in the same order', () => {
    expect([...PERMISSIONS]).toEqual(CODES);
  });

  it('grants each role exactly what it had', () => {
    for (const role of ROLES) {
      expect([...permissionsOf([role])].sort(), role).toEqual([...GRANTS[role]].sort());
      for (const code of PERMISSIONS)
        expect(can([role], code), `${role} ${code}`).toBe(GRANTS[role].includes(code));
    }
  });

  it('types every code', () => {
    const code: Permission = 'pack.write';
    // @ts-expect-error not a permission code
    const wrong: Permission = 'pack.delete';
    expect([code, wrong]).toHaveLength(2);
  });
});
