import type { tablesZhCN } from './i18n.zh-CN.ts';

export const tablesEn: typeof tablesZhCN = {
  title: 'Pay bases and statistics',
  intro:
    'The district keeps, per year, the annual base of each rank in district departments, the bonus of each grade and the village posts’ subsidies before the raise (importable from Excel); the policy pack only states the uplifts, raises and rules.',
  year: '{{year}}',
  yearLabel: 'Year',
  kinds: {
    'rank-base': 'Rank bases',
    'bonus-base': 'Bonus bases',
    'village-base': 'Village post subsidies',
  },
  kindHints: {
    'rank-base':
      'Annual base (yuan) of district-department cadres of the same rank, keyed by the rank as the registry writes it; the street uplift is computed on it.',
    'bonus-base': 'Annual performance bonus (yuan) of district departments for each assessment grade.',
    'village-base': 'Annual subsidy (yuan) of each village/community post before the pack’s raise.',
  },
  columns: {
    rank: 'Rank',
    code: 'Code',
    name: 'Name',
    amount: 'Annual amount (yuan)',
    updatedAt: 'Last changed',
  },
  notSet: 'Not set',
  filled: '{{filled}} of {{total}} filled',
  save: 'Save {{kind}}',
  saved: '{{kind}} saved',
  reset: 'Undo changes',
  unsaved: 'Unsaved changes',
  badAmount: 'Enter an amount of 0 or more with at most two decimals',
  readOnly: 'You can read the tables; the organisation department changes them.',
  downloadTemplate: 'Download template',
  importExcel: 'Import Excel',
  import: {
    title: 'Import the {{year}} tables',
    intro:
      'Use the workbook from “Download template” (one sheet per kind, listing the ranks, grades and posts to fill, with this year’s amounts). A sheet holding amounts replaces that kind for the year; rows left blank are not imported. Any error and nothing is imported.',
    drag: 'Click or drop an .xlsx file',
    dragHint: 'Excel workbooks (.xlsx) only',
    onlyXlsx: 'Only .xlsx files can be imported',
    checking: 'Checking {{name}} …',
    errorsTitle: '{{count}} errors, nothing imported',
    errorsHint:
      'Correct them as listed and import again, or download the workbook with the wrong cells marked.',
    downloadReport: 'Download marked workbook',
    reportFilename: 'pay-tables-import-errors.xlsx',
    failed: 'Import failed',
    success: 'Imported: {{parts}}',
    part: '{{kind}} {{count}}',
    sheet: 'Sheet',
    row: 'Row',
    column: 'Column',
    message: 'Problem',
  },
  statistics: {
    title: 'Statistics',
    intro:
      'Figures a policy refers to, one per year with its source (e.g. Hongdong: a village principal earns at least 2 × last year’s rural per-capita disposable income).',
    keys: {
      'rural-income-per-capita': 'Rural per-capita disposable income',
    },
    key: 'Figure',
    year: 'Year',
    value: 'Value (yuan)',
    source: 'Source',
    add: 'Add or change',
    saved: 'Statistic saved',
    empty: 'No statistics yet',
    sourcePlaceholder: 'e.g. District statistics bureau, 2025 statistical communiqué',
    required: 'Required',
  },
};
