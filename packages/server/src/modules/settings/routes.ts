import { SecuritySettingsSchema } from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadSecuritySettings, saveSecuritySettings } from './repository.ts';

export async function settingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];
  r.get(
    '/api/settings/security',
    {
      config: { permission: 'settings.write' },
      schema: { tags, summary: '安全策略', response: { 200: SecuritySettingsSchema } },
    },
    async (req) => loadSecuritySettings(req.ctx.client),
  );
  r.put(
    '/api/settings/security',
    {
      config: { permission: 'settings.write' },
      // after the handler, hence after COMMIT: no request may keep the old value read before it
      onSend: async (_req, _reply, payload) => {
        app.securitySettings.invalidate();
        return payload;
      },
      schema: {
        tags,
        summary: '修改安全策略',
        body: SecuritySettingsSchema,
        response: { 200: SecuritySettingsSchema },
      },
    },
    async (req) => {
      const before = await loadSecuritySettings(req.ctx.client);
      await saveSecuritySettings(req.ctx.client, req.body);
      app.securitySettings.invalidate();
      await req.ctx.audit({
        action: 'settings.security',
        objectType: 'settings',
        objectId: 'security',
        before,
        after: req.body,
      });
      return req.body;
    },
  );
}
