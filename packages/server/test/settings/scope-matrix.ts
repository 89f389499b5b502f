import type { ModuleMatrix } from '../scope-matrix.ts';

/** The settings module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). */
export const matrix: ModuleMatrix = {
  'GET /api/settings/security': { requests: () => [{}], targetsForeign: false },
  'PUT /api/settings/security': {
    // district-wide policy, not unit data: only its permission guards it (checked by the 三员 test)
    requests: () => [
      {
        payload: {
          password: { minLength: 8, minClasses: 3, expiryDays: 90, historyCount: 5 },
          session: { idleMinutes: 30, absoluteHours: 12, lockoutThreshold: 5, lockoutMinutes: 15 },
        },
      },
    ],
    targetsForeign: false,
  },
};
