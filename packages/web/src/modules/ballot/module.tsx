import type { ModuleI18n, WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/** The ballot's texts (its entry loads the chosen language's before the first render). */
export const ballotTexts: ModuleI18n<typeof zhCN> = {
  'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
  en: () => import('./i18n/en.ts').then((m) => m.en),
};

/**
 * The public ballot (民主测评): an HTML entry of its own (`ballot.html`, `ballot-main.tsx`, served for
 * `/ballot`), so a phone loads only what the ballot needs; the app links to it by reloading the document.
 */
export const ballotModule: WebModule<typeof zhCN> = {
  id: 'ballot',
  routes: [],
  documents: ['/ballot'],
  i18n: ballotTexts,
};
