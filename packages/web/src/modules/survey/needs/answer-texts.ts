import type { BundleLoaders } from '../../../i18n/index.ts';

/** The survey module's texts, for the answer form on the public ballot page (no module registry there). */
export const surveyTexts: BundleLoaders = {
  'zh-CN': () => import('../i18n/zh-CN.ts').then((m) => m.zhCN),
  en: () => import('../i18n/en.ts').then((m) => m.en),
};
