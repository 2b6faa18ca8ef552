// What an operation may cost before it runs: every field costs 1, and what is selected under a list
// counts once per element the list can hold (the menu bound, a page's `first`, the 500-order cap),
// so nesting lists multiplies, and `business → menu → business → menu` is refused, not answered.
import SchemaBuilder, {
  BasePlugin,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  isListType,
  isNonNullType,
  Kind,
  validate,
  type DocumentNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type ValidationRule,
} from 'graphql';
import {
  DELIVERIES_LISTED,
  HISTORY_PAGE_DEFAULT,
  MAX_LINES,
  MAX_MENU_ITEMS,
  ORDERS_LIST_MAX,
  SYNC_PAGE_MAX,
} from '../domain/limits.js';
import { BadRequestError, type DomainError } from '../errors.js';
import type { Context } from './context.js';

/** The most an operation may cost. */
export const MAX_COST = 100_000;

/**
 * Businesses listed at once are not bounded by the schema; they are costed as this many, which
 * keeps the customers' list with its menus well inside the limit while any list nested under
 * them multiplies past it.
 */
export const ASSUMED_BUSINESSES = 50;

/** Every transition an order can make, placed to completed. */
const MAX_ORDER_EVENTS = 4;

type Args = Record<string, unknown>;
/** A list that takes `first`: that many, or what it gives when not asked. */
const firstOr = (fallback: number) => (args: Args) =>
  typeof args['first'] === 'number' ? Math.max(0, args['first']) : fallback;

/** How many elements a list field counts for, by `Type.field`; other lists count as 10. */
const LIST_SIZES: Record<string, number | ((args: Args) => number)> = {
  'Query.businesses': ASSUMED_BUSINESSES,
  'Query.menu': MAX_MENU_ITEMS,
  'Business.menu': MAX_MENU_ITEMS,
  'Mutation.setMenuAndInstore': MAX_MENU_ITEMS,
  'Kitchen.allDay': MAX_MENU_ITEMS,
  'Query.orders': firstOr(ORDERS_LIST_MAX),
  'Order.lines': MAX_LINES,
  'Order.history': MAX_ORDER_EVENTS,
  // A connection's page: its edges are costed on the field that takes `first`.
  'Query.orderHistory': firstOr(HISTORY_PAGE_DEFAULT),
  'Query.orderSync': firstOr(SYNC_PAGE_MAX),
  'OrderConnection.edges': 1,
  'Webhook.deliveries': firstOr(DELIVERIES_LISTED),
};
const DEFAULT_LIST_SIZE = 10;

/** Pothos complexity's `fieldComplexity`: each field's own cost and its selection's multiplier. */
export function fieldComplexity(
  args: Args,
  _context: unknown,
  field: GraphQLField<unknown, Context>,
): { field: number; multiplier: number } {
  const parent = (field.extensions['pothosConfig'] as { parentType?: string } | undefined)
    ?.parentType;
  const size = LIST_SIZES[`${parent}.${field.name}`];
  if (size !== undefined) {
    return { field: 1, multiplier: typeof size === 'function' ? size(args) : size };
  }
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  return { field: 1, multiplier: isListType(type) ? DEFAULT_LIST_SIZE : 1 };
}

/** The refusal of an operation over the limit, the same wherever it is checked. */
export function costRefusal(cost: number): DomainError {
  return new BadRequestError(
    `This operation would cost ${cost}, more than the limit of ${MAX_COST}: what a list ` +
      'selects counts once per element it can hold; ask for less or page it',
    { cost, maxCost: MAX_COST },
  );
}

/**
 * Pothos complexity checks queries and mutations before their root fields resolve; a subscription's
 * root field resolves once per event, so this checks it where it subscribes, before any event.
 */
export class SubscriptionCostPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapSubscribe(
    subscribe: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ) {
    if (!subscribe || fieldConfig.kind !== 'Subscription') return subscribe;
    return (parent: unknown, args: object, context: Types['Context'], info: GraphQLResolveInfo) => {
      const document: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [info.operation, ...Object.values(info.fragments)],
      };
      let refusal: DomainError | undefined;
      const rule = createComplexityRule({
        context: context as object,
        variableValues: info.variableValues,
        operationName: info.operation.name?.value ?? null,
        validate: ({ complexity }) => {
          if (complexity > MAX_COST) refusal = costRefusal(complexity);
        },
      });
      validate(info.schema, document, [rule]);
      if (refusal) throw refusal;
      return subscribe(parent, args, context, info);
    };
  }
}

SchemaBuilder.registerPlugin('subscriptionCost', SubscriptionCostPlugin);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos's plugin registry
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      subscriptionCost: SubscriptionCostPlugin<Types>;
    }
  }
}

/**
 * The same limit as a validation rule, for operations without variables: their cost is known from
 * the text alone, so a refusal is made once and kept with the parsed document (documents.ts,
 * yoga's cache), and repeating an expensive query costs a cache lookup, not a walk of its lists.
 * Operations with variables are checked when they run, with their values.
 */
export const StaticCostRule: ValidationRule = (context) => {
  const withVariables = context
    .getDocument()
    .definitions.some(
      (d) => d.kind === Kind.OPERATION_DEFINITION && (d.variableDefinitions?.length ?? 0) > 0,
    );
  if (withVariables) return {};
  const visitor = createComplexityRule({
    context: {},
    variableValues: {},
    validate: ({ complexity }, report) => {
      if (complexity > MAX_COST) report(costRefusal(complexity));
    },
  })(context) as { OperationDefinition?: { enter?: Hook; leave?: Hook } };
  // An argument of the wrong type cannot be costed; the rule that refuses it says so instead.
  const quietly =
    (hook: Hook | undefined): Hook =>
    (...args) => {
      try {
        return hook?.(...args);
      } catch {
        return undefined;
      }
    };
  const operation = visitor.OperationDefinition;
  return operation
    ? { OperationDefinition: { enter: quietly(operation.enter), leave: quietly(operation.leave) } }
    : {};
};

type Hook = (...args: unknown[]) => unknown;
