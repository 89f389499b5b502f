import type { coverageZhCN } from './i18n.zh-CN.ts';

/** English texts of the care module's `coverage/` pages (same keys as Chinese). */
export const coverageEn: typeof coverageZhCN = {
  title: 'Care coverage',
  unitPlaceholder: 'Choose a unit (default: all)',
  kind: { health: 'Health checks', talk: 'Heart-to-heart talks', leave: 'Annual leave' },
  yearOption: '{{year}}',
  totalLine: 'Planned {{planned}}, done {{done}}, coverage {{rate}}',
  col: { unit: 'Unit', rate: 'Coverage' },
  planned: { health: 'Due a check', talk: 'Talks planned', leave: 'Days entitled' },
  done: { health: 'Checked', talk: 'Talks held', leave: 'Days taken' },
  nothingPlanned: 'Nothing planned',
};
