import type { ModulePermissions } from '@ganbu/core/platform/permissions/define';
import type { FastifyInstance } from 'fastify';
import type { DemoSeedContext } from '../demo/context.ts';

/**
 * What a server module brings to the app, in one object (`modules/<name>/index.ts`), listed once in
 * `modules/index.ts`. `app.ts` registers the routes and ready tasks, the demo seed runs the seed steps, and
 * the route-scope matrix (`test/platform/scope-matrix.test.ts`) checks every route against the module's
 * entries in `test/<name>/scope-matrix.ts`.
 */
export interface ServerModule {
  /** the module's folder under `src/modules/` and `test/` */
  name: string;
  /** its Fastify route plugins, registered in this order */
  routes: readonly ((app: FastifyInstance) => Promise<void>)[];
  /**
   * its permission codes with the roles granted each; declared in core
   * (`core/src/platform/permissions/<module>.ts`, composed by `roles.ts`) because the web app checks them too
   */
  permissions?: ModulePermissions;
  /** work done once the app is ready, after every module's routes are registered (in list order) */
  onReady?: (app: FastifyInstance) => Promise<void>;
  /** its part of the demo district, run in list order inside the seed's one transaction (system scope) */
  demoSeed?: (ctx: DemoSeedContext) => Promise<void>;
}
