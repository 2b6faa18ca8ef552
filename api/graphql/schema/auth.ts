// Sign-up and login for customers and businesses.
import type { AuthPayload } from '../../services/auth.service.js';
import { builder } from '../builder.js';
import { RoleEnum } from './enums.js';

const AuthPayloadRef = builder.objectRef<AuthPayload>('AuthPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The access token: short-lived.' }),
    role: t.expose('role', { type: RoleEnum }),
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    refreshToken: t.exposeString('refreshToken', {
      description: 'Trade it for a new pair with refreshSession before the access token expires.',
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When the access token expires.',
      resolve: (p) => p.expiresAt,
    }),
  }),
});

builder.mutationFields((t) => {
  const args = {
    name: t.arg.string({ required: true }),
    password: t.arg.string({ required: true }),
  };
  return {
    signUpUser: t.field({
      type: AuthPayloadRef,
      args,
      resolve: (_r, a, ctx) => ctx.services.auth.signUp('user', a.name, a.password, ctx.address),
    }),
    signUpBusiness: t.field({
      type: AuthPayloadRef,
      args,
      resolve: (_r, a, ctx) =>
        ctx.services.auth.signUp('business', a.name, a.password, ctx.address),
    }),
    userLogin: t.field({
      type: AuthPayloadRef,
      args,
      resolve: (_r, a, ctx) => ctx.services.auth.login('user', a.name, a.password, ctx.address),
    }),
    refreshSession: t.field({
      type: AuthPayloadRef,
      description:
        'A new access token and refresh token; the one sent is retired. A retired one sent again ends the session.',
      args: { refreshToken: t.arg.string({ required: true }) },
      resolve: (_r, a, ctx) => ctx.services.auth.refresh(a.refreshToken),
    }),
    logout: t.boolean({
      description: 'Ends the session of this refresh token; false when it was never issued.',
      args: { refreshToken: t.arg.string({ required: true }) },
      resolve: (_r, a, ctx) => ctx.services.auth.logout(a.refreshToken),
    }),
    businessLogin: t.field({
      type: AuthPayloadRef,
      args,
      resolve: (_r, a, ctx) => ctx.services.auth.login('business', a.name, a.password, ctx.address),
    }),
  };
});
