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
  'inbox',
  'orgs',
  'cadres',
  'assessmentRounds',
  'assessmentLeaderboard',
  'assessmentBallots',
  'assessmentPacks',
  'pairing',
  'account',
];
// 组织部 keeps the working-day calendar and a leader reads it (工作日历, issue 12), before 个人设置; 经济激励
// (issue 13): 组织部 runs and keeps the tables, a unit and a leader read runs, a cadre 我的待遇
// 选拔任用 (issue 14): 组织部, a unit and a leader read indicators, processes, pools and after-appointment
const SELECTION = ['indicators', 'selectionProcesses', 'pools', 'selectionAfter'];
// 精神激励, 教育培训, 关心关爱 (issue 15): officers read batches, programmes, compliance, stations, practice, coverage
// and aid; 组织部 and a unit keep health and leave; 组织部 and a leader keep talks; everyone sees the hero board;
// a cadre has 我的培训 and 我的关爱
const HONOURS = ['honourBatches', 'heroBoard'];
const TRAINING = ['trainingProgrammes', 'trainingCompliance', 'trainingStations', 'practicePostings'];
// 减负松绑 and 统计分析 (issue 16): officers read the registers, borrowings, establishment and work list and the
// dashboard; 组织部 and a leader read the needs surveys
const BURDEN = [
  'burdenSummary',
  'burdenRegisters',
  'burdenBorrowings',
  'burdenEstablishment',
  'burdenWorkList',
];
const LEADER = [
  ...OFFICER.slice(0, -1),
  'payRuns',
  ...SELECTION,
  ...HONOURS,
  ...TRAINING,
  'careCoverage',
  'careAid',
  'careTalks',
  ...BURDEN,
  'dashboard',
  'needsSurveys',
  'calendar',
  'account',
];
// 从严管理 (issue 12)
const DISCIPLINE = ['disciplineRecords', 'riskFilings', 'toleranceCases', 'clarifications'];

// The menu as it was written by hand before the module manifests (modules/<m>/module.tsx) took over:
// the manifests must give exactly this, plus the entries added since: 结对帮扶 (pairing), 待办 (inbox) and 工作日历
// (calendar, in the 系统设置 group), and the discipline module's group 从严管理.
describe('the side menu from the module manifests', () => {
  it('has the same entries, in the same order, at the same addresses', () => {
    expect(MENU_KEYS).toEqual([
      'home',
      'inbox',
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
      'payRuns',
      'payTables',
      'payMine',
      'indicators',
      'selectionProcesses',
      'pools',
      'selectionAfter',
      'honourBatches',
      'heroBoard',
      'trainingProgrammes',
      'trainingCompliance',
      'trainingStations',
      'practicePostings',
      'trainingMine',
      'careCoverage',
      'careHealth',
      'careLeave',
      'careAid',
      'careTalks',
      'careMine',
      ...BURDEN,
      'dashboard',
      'needsSurveys',
      'calendar',
      'account',
    ]);
    expect(MENU_PATHS).toEqual({
      home: '/',
      inbox: '/inbox',
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
      payRuns: '/pay/runs',
      payTables: '/pay/tables',
      payMine: '/pay/mine',
      indicators: '/selection/indicators',
      selectionProcesses: '/selection/processes',
      pools: '/selection/pools',
      selectionAfter: '/selection/after',
      honourBatches: '/honours/batches',
      heroBoard: '/honours/board',
      trainingProgrammes: '/training/programmes',
      trainingCompliance: '/training/compliance',
      trainingStations: '/training/stations',
      practicePostings: '/training/practice',
      trainingMine: '/training/mine',
      careCoverage: '/care/coverage',
      careHealth: '/care/health',
      careLeave: '/care/leave',
      careAid: '/care/aid',
      careTalks: '/care/talks',
      careMine: '/care/mine',
      burdenSummary: '/burden/summary',
      burdenRegisters: '/burden/registers',
      burdenBorrowings: '/burden/borrowings',
      burdenEstablishment: '/burden/establishment',
      burdenWorkList: '/burden/worklist',
      dashboard: '/dashboard',
      needsSurveys: '/surveys',
      calendar: '/settings/calendar',
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
      pay: ['payRuns', 'payTables', 'payMine'],
      selection: ['indicators', 'selectionProcesses', 'pools', 'selectionAfter'],
      honours: ['honourBatches', 'heroBoard'],
      training: [...TRAINING, 'trainingMine'],
      care: ['pairing', 'careCoverage', 'careHealth', 'careLeave', 'careAid', 'careTalks', 'careMine'],
      burden: BURDEN,
      analysis: ['dashboard', 'needsSurveys'],
      system: ['calendar'],
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
        ...DISCIPLINE,
        'payRuns',
        'payTables',
        ...SELECTION,
        ...HONOURS,
        ...TRAINING,
        'careCoverage',
        'careHealth',
        'careLeave',
        'careAid',
        'careTalks',
        ...BURDEN,
        'dashboard',
        'needsSurveys',
        'calendar',
        'account',
      ],
      unit_admin: [
        ...OFFICER.slice(0, -1),
        'riskFilings',
        'toleranceCases',
        'payRuns',
        ...SELECTION,
        ...HONOURS,
        ...TRAINING,
        'careCoverage',
        'careHealth',
        'careLeave',
        'careAid',
        ...BURDEN,
        'dashboard',
        'account',
      ],
      leader: LEADER,
      cadre: [
        'home',
        'inbox',
        'orgs',
        'cadres',
        'assessmentLeaderboard',
        'assessmentBallots',
        'assessmentMine',
        'assessmentPacks',
        'pairing',
        'payMine',
        'heroBoard',
        'trainingMine',
        'careMine',
        'account',
      ],
      // 纪检联络 (issue 12): finds the cadre, and the 从严管理 group
      discipline: ['home', 'inbox', 'orgs', 'cadres', ...DISCIPLINE, 'heroBoard', 'account'],
    });
  });

  it('merges several roles in menu order, and gives home and account to an account without roles', () => {
    expect(menuKeysFor([])).toEqual(['home', 'account']);
    expect(menuKeysFor(['auditor', 'sysadmin'])).toEqual(['home', 'orgs', 'users', 'audit', 'account']);
    // an officer's entries with the cadre's 我的考核结果 in its place
    expect(menuKeysFor(['cadre', 'leader'])).toEqual([
      ...LEADER.slice(0, 7),
      'assessmentMine',
      ...LEADER.slice(7, 9),
      'payRuns',
      'payMine',
      ...SELECTION,
      ...HONOURS,
      ...TRAINING,
      'trainingMine',
      'careCoverage',
      'careAid',
      'careTalks',
      'careMine',
      ...BURDEN,
      'dashboard',
      'needsSurveys',
      ...LEADER.slice(-2),
    ]);
    expect(canOpen(['unit_admin'], 'calendar')).toBe(false);
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
    expect(menuKeyOfPath('/settings/calendar')).toBe('calendar');
    expect(menuKeyOfPath('/pay/runs/9')).toBe('payRuns');
    expect(menuKeyOfPath('/selection/processes/9')).toBe('selectionProcesses');
    expect(menuKeyOfPath('/honours/batches/9')).toBe('honourBatches');
    expect(menuKeyOfPath('/training/programmes/9')).toBe('trainingProgrammes');
    expect(menuKeyOfPath('/inbox/cases/1')).toBe('inbox');
    expect(menuKeyOfPath('/nowhere')).toBe('home');
  });
});
