// Sign-up and login for customers and businesses.
import type { Role } from '../../services/types.js';
import { builder } from '../builder.js';
import { RoleEnum } from './enums.js';

interface AuthShape {
  token: string;
  role: Role;
  id: string;
  name: string;
}

const AuthPayloadRef = builder.objectRef<AuthShape>('AuthPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token'),
    role: t.expose('role', { type: RoleEnum }),
    id: t.exposeID('id'),
    name: t.exposeString('name'),
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
      resolve: (_r, a, ctx) => ctx.services.auth.signUp('user', a.name, a.password),
    }),
    signUpBusiness: t.field({
      type: AuthPayloadRef,
      args,
      resolve: (_r, a, ctx) => ctx.services.auth.signUp('business', a.name, a.password),
    }),
    userLogin: t.field({
      type: AuthPayloadRef,
      args,
      resolve: (_r, a, ctx) => ctx.services.auth.login('user', a.name, a.password, ctx.address),
    }),
    businessLogin: t.field({
      type: AuthPayloadRef,
      args,
      resolve: (_r, a, ctx) => ctx.services.auth.login('business', a.name, a.password, ctx.address),
    }),
  };
});
