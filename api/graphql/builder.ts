// The Pothos builder: plugins, context, scopes and scalars, nothing else.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, Kind } from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Context } from './context.js';
import { costRefusal, fieldComplexity, MAX_COST } from './cost.js';

export interface AuthScopes {
  /** Any logged-in customer or business. */
  authenticated: boolean;
  user: boolean;
  business: boolean;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
  };
}>({
  plugins: [ScopeAuthPlugin, ComplexityPlugin, 'subscriptionCost', DataloaderPlugin],
  defaultFieldNullability: false,
  complexity: {
    fieldComplexity,
    limit: { complexity: MAX_COST },
    complexityError: (_kind, { complexity }) => costRefusal(complexity),
  },
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      authenticated: context.viewer !== null,
      user: context.viewer?.role === 'user',
      business: context.viewer?.role === 'business',
    }),
    unauthorizedError: (_parent, context) =>
      context.viewer
        ? new ForbiddenError('Your account cannot do this')
        : new UnauthenticatedError('Log in first'),
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

builder.scalarType('DateTime', {
  description: 'An ISO 8601 date-time in UTC, e.g. 2026-11-26T10:15:00.000Z.',
  // The store's times are ISO text in UTC already (isoText): passed on as they are, never reparsed.
  serialize: (value) =>
    typeof value === 'string' && ISO_UTC.test(value) ? value : new Date(value).toISOString(),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return parseDate(ast.value);
  },
});

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 string');
  return date;
}
