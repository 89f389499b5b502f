import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/**
 * The public ballot (民主测评): an HTML entry of its own (`ballot.html`, `ballot-main.tsx`, served for
 * `/ballot`), so a phone loads only what the ballot needs; the app links to it by reloading the document.
 */
export const ballotModule: WebModule<typeof zhCN> = {
  id: 'ballot',
  routes: [],
  documents: ['/ballot'],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
