import type { ModuleMatrix } from '../scope-matrix.ts';

/** The auth module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). */
export const matrix: ModuleMatrix = {
  'POST /api/auth/login': {
    requests: (fx) => [{ payload: { username: fx.foreign.username, password: 'Wrong#pass9' } }],
    targetsForeign: true,
  },
  'POST /api/auth/logout': { requests: () => [{}], targetsForeign: false },
  'GET /api/auth/me': { requests: () => [{}], targetsForeign: false },
  'POST /api/auth/password': {
    requests: () => [{ payload: { currentPassword: 'not-mine', newPassword: 'Another#2026' } }],
    targetsForeign: false,
  },
  'POST /api/auth/totp/start': { requests: () => [{}], targetsForeign: false },
  'POST /api/auth/totp/confirm': { requests: () => [{ payload: { code: '000000' } }], targetsForeign: false },
};
