import { SETTINGS_PERMISSIONS } from '@ganbu/core/platform/permissions/settings';
import type { ServerModule } from '../../platform/module.ts';
import { settingsRoutes } from './routes.ts';

/** 安全策略: the district-wide password and session policy. */
export const settingsModule: ServerModule = {
  name: 'settings',
  routes: [settingsRoutes],
  permissions: SETTINGS_PERMISSIONS,
};
