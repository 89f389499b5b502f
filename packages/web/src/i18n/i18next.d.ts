import type { ModuleTexts } from '../modules/index.ts';
import type { zhCN } from './zh-CN.ts';

/** Keys are typed from the zh-CN bundles: the shared one and every module's (modules/index.ts). */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & ModuleTexts };
  }
}
