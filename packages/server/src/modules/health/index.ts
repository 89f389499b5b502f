import type { ServerModule } from '../../platform/module.ts';
import { healthRoutes } from './routes.ts';

/** Liveness for load balancers and the start scripts. */
export const healthModule: ServerModule = {
  name: 'health',
  routes: [healthRoutes],
};
