import {
  IdParamSchema,
  OkSchema,
  UserCreateInputSchema,
  UserListQuerySchema,
  UserListSchema,
  UserPasswordResetInputSchema,
  UserRolesInputSchema,
  UserSchema,
  UserUpdateInputSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadSecuritySettings } from '../settings/repository.ts';
import * as service from './service.ts';

export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const settingsOf = (client: Parameters<typeof loadSecuritySettings>[0]) => loadSecuritySettings(client);

  r.get(
    '/api/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags,
        summary: '用户列表',
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema },
      },
    },
    async (req) => service.listUsers(req.ctx, req.query, await settingsOf(req.ctx.client)),
  );

  r.post(
    '/api/users',
    {
      config: { permission: 'user.write' },
      schema: { tags, summary: '新建用户', body: UserCreateInputSchema, response: { 200: UserSchema } },
    },
    async (req) => service.createUser(req.ctx, req.body, await settingsOf(req.ctx.client)),
  );

  r.patch(
    '/api/users/:id',
    {
      config: { permission: 'user.write' },
      schema: {
        tags,
        summary: '修改用户',
        params: IdParamSchema,
        body: UserUpdateInputSchema,
        response: { 200: UserSchema },
      },
    },
    async (req) => service.updateUser(req.ctx, req.params.id, req.body, await settingsOf(req.ctx.client)),
  );

  r.post(
    '/api/users/:id/roles',
    {
      config: { permission: 'role.grant' },
      schema: {
        tags,
        summary: '授予角色与数据范围',
        params: IdParamSchema,
        body: UserRolesInputSchema,
        response: { 200: UserSchema },
      },
    },
    async (req) => service.grantRoles(req.ctx, req.params.id, req.body, await settingsOf(req.ctx.client)),
  );

  r.post(
    '/api/users/:id/reset-password',
    {
      config: { permission: 'user.write' },
      schema: {
        tags,
        summary: '重置密码',
        params: IdParamSchema,
        body: UserPasswordResetInputSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await service.resetPassword(
        req.ctx,
        req.params.id,
        req.body.initialPassword,
        await settingsOf(req.ctx.client),
      );
      return { ok: true as const };
    },
  );

  r.post(
    '/api/users/:id/unlock',
    {
      config: { permission: 'user.write' },
      schema: { tags, summary: '解除锁定', params: IdParamSchema, response: { 200: OkSchema } },
    },
    async (req) => {
      await service.unlockUser(req.ctx, req.params.id, await settingsOf(req.ctx.client));
      return { ok: true as const };
    },
  );
}
