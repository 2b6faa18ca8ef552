// The cost limit refuses amplification, never the web app or a REST route: every operation they
// send, with the largest pages they may ask for, costs under the limit; nested lists cost past it.
import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  print,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import * as documents from '../../web/src/gql/graphql.js';
import { SYNC_PAGE_MAX } from '../domain/limits.js';
import { REST_ROUTES } from '../rest/routes.js';
import { MAX_COST } from './cost.js';
import { schema } from './schema/index.js';

/** A value of the type an operation declares for a variable, at its most expensive. */
function sample(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name);
  if (isListType(type)) return [sample(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type, f.name)]),
    );
  }
  switch (getNamedType(type).name) {
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'Int':
      return name === 'first' ? SYNC_PAGE_MAX : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2026-12-01T00:00:00.000Z';
    default:
      return 'x';
  }
}

const operations = [
  ...Object.entries(documents).filter(([name]) => name.endsWith('Document')),
  ...REST_ROUTES.map(
    (route) => [`REST ${route.method} ${route.path}`, parse(route.operation)] as const,
  ),
].map(([name, document]) => {
  const operation = (document as DocumentNode).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  )!;
  const variables = Object.fromEntries(
    (operation.variableDefinitions ?? []).map((v) => [
      v.variable.name.value,
      sample(typeFromAST(schema, v.type as never) as GraphQLInputType, v.variable.name.value),
    ]),
  );
  return { name, query: print(document as DocumentNode), variables };
});

describe('the cost limit', () => {
  it('finds the web app’s operations', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each(operations)('lets $name through with room to spare', ({ query, variables }) => {
    const { complexity } = complexityFromQuery(query, { schema, ctx: {}, variables });
    expect(complexity).toBeLessThan(MAX_COST * 0.8);
  });

  it('counts a nested list once per element its parent can hold', () => {
    const menus = complexityFromQuery('{ businesses { menu { id } } }', { schema, ctx: {} });
    const nested = complexityFromQuery('{ businesses { menu { business { menu { id } } } } }', {
      schema,
      ctx: {},
    });
    expect(nested.complexity).toBeGreaterThan(MAX_COST);
    expect(nested.complexity / menus.complexity).toBeGreaterThan(100);
  });
});
