import { USER_PERMISSIONS } from '@ganbu/core/platform/permissions/users';
import type { ServerModule } from '../../platform/module.ts';
import { seedDemoAccounts } from './demo-seed.ts';
import { userRoutes } from './routes.ts';

/** 用户与角色: accounts, their roles and data scope (the demo accounts link to cadres: after cadre). */
export const usersModule: ServerModule = {
  name: 'users',
  routes: [userRoutes],
  permissions: USER_PERMISSIONS,
  demoSeed: seedDemoAccounts,
};
