import { describe, expect, it } from 'vitest';
import {
  MENU_GROUPS,
  MENU_KEYS,
  MENU_PATHS,
  ROLE_MENUS,
  canOpen,
  menuKeyOfPath,
  menuKeysFor,
} from './menu.ts';

const OFFICER = [
  'home',
  'orgs',
  'cadres',
  'assessmentRounds',
  'assessmentLeaderboard',
  'assessmentBallots',
  'assessmentPacks',
  'pairing',
  'account',
];

// The menu as it was written by hand before the module manifests (modules/<m>/module.tsx) took over:
// the manifests must give exactly this, plus the pairing module's entry (结对帮扶) and the discipline module's
// group (从严管理) added since.
describe('the side menu from the module manifests', () => {
  it('has the same entries, in the same order, at the same addresses', () => {
    expect(MENU_KEYS).toEqual([
      'home',
      'orgs',
      'users',
      'security',
      'audit',
      'cadres',
      'assessmentRounds',
      'assessmentLeaderboard',
      'assessmentBallots',
      'assessmentMine',
      'assessmentPacks',
      'pairing',
      'disciplineRecords',
      'riskFilings',
      'toleranceCases',
      'clarifications',
      'account',
    ]);
    expect(MENU_PATHS).toEqual({
      home: '/',
      orgs: '/orgs',
      users: '/users',
      security: '/security',
      audit: '/audit',
      cadres: '/cadres',
      assessmentRounds: '/assessment/rounds',
      assessmentLeaderboard: '/assessment/leaderboard',
      assessmentBallots: '/assessment/my-ballots',
      assessmentMine: '/assessment/mine',
      assessmentPacks: '/assessment/packs',
      pairing: '/care/pairings',
      disciplineRecords: '/discipline/records',
      riskFilings: '/discipline/risk-filings',
      toleranceCases: '/discipline/tolerance',
      clarifications: '/discipline/clarifications',
      account: '/account',
    });
    expect(MENU_GROUPS).toEqual({
      assessment: [
        'assessmentRounds',
        'assessmentLeaderboard',
        'assessmentBallots',
        'assessmentMine',
        'assessmentPacks',
      ],
      discipline: ['disciplineRecords', 'riskFilings', 'toleranceCases', 'clarifications'],
    });
  });

  it('shows each role exactly the entries it saw before', () => {
    expect(ROLE_MENUS).toEqual({
      sysadmin: ['home', 'orgs', 'users', 'account'],
      secadmin: ['home', 'users', 'security', 'account'],
      auditor: ['home', 'audit', 'account'],
      // 从严管理 (issue 12): 组织部 and 纪检联络 see the whole group, a unit files risks and applies for tolerance
      orgdept: [
        ...OFFICER.slice(0, -1),
        'disciplineRecords',
        'riskFilings',
        'toleranceCases',
        'clarifications',
        'account',
      ],
      unit_admin: [...OFFICER.slice(0, -1), 'riskFilings', 'toleranceCases', 'account'],
      leader: OFFICER,
      discipline: [
        'home',
        'orgs',
        'cadres',
        'disciplineRecords',
        'riskFilings',
        'toleranceCases',
        'clarifications',
        'account',
      ],
      cadre: [
        'home',
        'orgs',
        'cadres',
        'assessmentLeaderboard',
        'assessmentBallots',
        'assessmentMine',
        'assessmentPacks',
        'pairing',
        'account',
      ],
    });
  });

  it('merges several roles in menu order, and gives home and account to an account without roles', () => {
    expect(menuKeysFor([])).toEqual(['home', 'account']);
    expect(menuKeysFor(['auditor', 'sysadmin'])).toEqual(['home', 'orgs', 'users', 'audit', 'account']);
    // an officer's entries with the cadre's 我的考核结果 in its place
    expect(menuKeysFor(['cadre', 'leader'])).toEqual([
      ...OFFICER.slice(0, 6),
      'assessmentMine',
      ...OFFICER.slice(6),
    ]);
    expect(canOpen(['cadre'], 'assessmentRounds')).toBe(false);
    expect(canOpen(['leader'], 'assessmentRounds')).toBe(true);
    expect(canOpen([], 'account')).toBe(true);
  });

  it('finds the entry of a page', () => {
    expect(menuKeyOfPath('/')).toBe('home');
    expect(menuKeyOfPath('/cadres/123/approval-form')).toBe('cadres');
    expect(menuKeyOfPath('/assessment/rounds/9')).toBe('assessmentRounds');
    expect(menuKeyOfPath('/assessment/packs/edit/x')).toBe('assessmentPacks');
    expect(menuKeyOfPath('/care/pairings')).toBe('pairing');
    expect(menuKeyOfPath('/discipline/tolerance/9')).toBe('toleranceCases');
    expect(menuKeyOfPath('/discipline/clarifications/9')).toBe('clarifications');
    expect(menuKeyOfPath('/nowhere')).toBe('home');
  });
});
