import { FormOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/**
 * 精准激励 (issue 16, R-NEED-1/2): needs surveys, their one-time codes and results by group with the
 * recommended incentive mix (`needs/`). Respondents answer on the ballot page (`/ballot#CODE`).
 */
export const surveyModule: WebModule<typeof zhCN> = {
  id: 'survey',
  routes: [
    { path: '/surveys', page: () => import('./needs/SurveysPage.tsx'), menuKey: 'needsSurveys' },
    { path: '/surveys/:id', page: () => import('./needs/SurveyPage.tsx'), menuKey: 'needsSurveys' },
  ],
  menu: [
    {
      key: 'needsSurveys',
      path: '/surveys',
      icon: <FormOutlined />,
      roles: ['orgdept', 'leader'],
      group: 'analysis',
    },
  ],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
