// The six REST compatibility routes: each names its GraphQL operation, how the request becomes
// variables, and how the result is renamed to the field names of the original tables.
import type { z } from 'zod';
import { requireOrderStateFilter } from '../services/orders.service.js';
import type { OrderState } from '../domain/types.js';
import {
  BusinessLoginBody,
  BusinessLoginResponse,
  CancelOrderBody,
  GetOrdersQuery,
  IdempotencyKeyHeader,
  MenuItemsResponse,
  OrdersResponse,
  PlaceOrderBody,
  type RestMenuItemInput,
  RestOrder,
  SetMenuBody,
  UserLoginBody,
  UserLoginResponse,
  type RestMenuItemShape,
  type RestOrderShape,
} from './schemas.js';
import { BadRequestError, type ErrorCode } from '../errors.js';

export const ORDER_FIELDS = /* GraphQL */ `
  fragment RestOrder on Order {
    id
    state
    quantity
    unitPrice
    total
    createdAt
    updatedAt
    acceptedAt
    startedAt
    completedAt
    queuePosition
    estimatedReadyAt
    menuItem {
      id
      name
    }
    business {
      id
      name
    }
    customer {
      id
      name
    }
    note
    lines {
      menuItem {
        id
        name
      }
      quantity
      unitPrice
      note
    }
  }
`;

const MENU_ITEM_FIELDS = /* GraphQL */ `
  fragment RestMenuItem on MenuItem {
    id
    name
    imageUrl
    price
    inStore
    business {
      id
    }
  }
`;

interface GqlOrder {
  id: string;
  state: string;
  quantity: number;
  unitPrice: number;
  total: number;
  createdAt: string;
  updatedAt: string;
  acceptedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  queuePosition: number | null;
  estimatedReadyAt: string | null;
  menuItem: { id: string; name: string };
  business: { id: string; name: string };
  customer: { id: string; name: string };
  note: string | null;
  lines: {
    menuItem: { id: string; name: string };
    quantity: number;
    unitPrice: number;
    note: string | null;
  }[];
}

interface LoginResult {
  token: string;
  id: string;
  name: string;
  refreshToken: string;
  expiresAt: string;
}

/** A login's answer in the partner tools' names: `u_` for a customer, `e_` for a business. */
function loginAnswer(result: unknown, prefix: 'u' | 'e') {
  const r = result as LoginResult;
  return {
    token: r.token,
    [`${prefix}_id`]: r.id,
    [`${prefix}_name`]: r.name,
    refresh_token: r.refreshToken,
    expires_at: r.expiresAt,
  };
}

interface GqlMenuItem {
  id: string;
  name: string;
  imageUrl: string;
  price: number;
  inStore: number;
  business: { id: string };
}

export function toRestOrder(o: GqlOrder): RestOrderShape {
  return {
    o_id: o.id,
    o_state: o.state.toLowerCase() as OrderState,
    e_id: o.business.id,
    m_id: o.menuItem.id,
    u_id: o.customer.id,
    quantity: o.quantity,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    queue_position: o.queuePosition,
    estimated_ready_at: o.estimatedReadyAt,
    accepted_at: o.acceptedAt,
    started_at: o.startedAt,
    completed_at: o.completedAt,
    m_name: o.menuItem.name,
    e_name: o.business.name,
    u_name: o.customer.name,
    unit_price: o.unitPrice,
    total: o.total,
    note: o.note,
    items: o.lines.map((line) => ({
      m_id: line.menuItem.id,
      m_name: line.menuItem.name,
      quantity: line.quantity,
      m_price: line.unitPrice,
      note: line.note,
    })),
  };
}

export function toRestMenuItem(m: GqlMenuItem): RestMenuItemShape {
  return {
    m_id: m.id,
    e_id: m.business.id,
    m_name: m.name,
    m_img_url: m.imageUrl,
    m_price: m.price,
    m_instore: m.inStore,
  };
}

export interface RestInput {
  body: Record<string, unknown>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

export interface RestRoute {
  method: 'GET' | 'POST';
  path: string;
  /** For the reference: what it does and who may call it. */
  summary: string;
  who: 'anyone' | 'user' | 'business' | 'user or business';
  /** Status of a success, and its body. */
  status: number;
  response: z.ZodType;
  /** The refusals this route can answer with (besides 400 and 413/415 for a bad body). */
  errors: readonly ErrorCode[];
  operation: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  variables(input: RestInput): Record<string, unknown>;
  respond(data: Record<string, unknown>): unknown;
  /** GraphQL input names → this route's, so an error names the field the caller sent. */
  fieldNames?: Readonly<Record<string, string>>;
}

/** A whole number in a query string; anything else is left for the service to refuse by name. */
const wholeNumberParam = (raw: string, field: string): number => {
  if (!/^\d{1,9}$/.test(raw)) {
    throw new BadRequestError(`${field} must be a whole number`, { field });
  }
  return Number(raw);
};

const header = (input: RestInput, name: string) => {
  const value = input.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export const REST_ROUTES: readonly RestRoute[] = [
  {
    method: 'POST',
    path: '/user_login',
    summary: 'Log in as a customer',
    who: 'anyone',
    status: 200,
    response: UserLoginResponse,
    errors: ['UNAUTHENTICATED', 'RATE_LIMITED'],
    operation: `mutation RestUserLogin($name: String!, $password: String!) {
      userLogin(name: $name, password: $password) { token id name refreshToken expiresAt } }`,
    body: UserLoginBody,
    variables: ({ body }) => ({ name: body.u_name, password: body.u_password }),
    respond: (data) => loginAnswer(data.userLogin, 'u'),
  },
  {
    method: 'POST',
    path: '/business_login',
    summary: 'Log in as a business',
    who: 'anyone',
    status: 200,
    response: BusinessLoginResponse,
    errors: ['UNAUTHENTICATED', 'RATE_LIMITED'],
    operation: `mutation RestBusinessLogin($name: String!, $password: String!) {
      businessLogin(name: $name, password: $password) { token id name refreshToken expiresAt } }`,
    body: BusinessLoginBody,
    variables: ({ body }) => ({ name: body.e_name, password: body.e_password }),
    respond: (data) => loginAnswer(data.businessLogin, 'e'),
  },
  {
    method: 'POST',
    path: '/order',
    summary:
      'Place an order of one item or a basket: reserves the stock of every line at once; the order starts pending',
    who: 'user',
    status: 201,
    response: RestOrder,
    errors: [
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'OUT_OF_STOCK',
      'CONFLICT',
      'CLOSED',
      'RATE_LIMITED',
    ],
    headers: IdempotencyKeyHeader,
    operation: `mutation RestPlaceOrder($menuItemId: ID, $quantity: Int, $lines: [OrderLineInput!],
      $note: String, $idempotencyKey: String) {
      placeOrder(menuItemId: $menuItemId, quantity: $quantity, lines: $lines, note: $note,
                 idempotencyKey: $idempotencyKey) { ...RestOrder } }
      ${ORDER_FIELDS}`,
    body: PlaceOrderBody,
    variables: (input) => {
      const idempotencyKey = header(input, 'idempotency-key') ?? null;
      const body = input.body as z.infer<typeof PlaceOrderBody>;
      if ('items' in body) {
        return {
          lines: body.items.map((item) => ({
            menuItemId: item.m_id,
            quantity: item.quantity,
            note: item.note ?? null,
          })),
          note: body.note ?? null,
          idempotencyKey,
        };
      }
      return { menuItemId: body.m_id, quantity: body.quantity, idempotencyKey };
    },
    respond: (data) => toRestOrder(data.placeOrder as GqlOrder),
    fieldNames: {
      menuItemId: 'm_id',
      idempotencyKey: 'Idempotency-Key',
      lines: 'items',
    },
  },
  {
    method: 'POST',
    path: '/cancel_order',
    summary: 'Cancel your pending order; its stock goes back',
    who: 'user',
    status: 200,
    response: RestOrder,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_STATE'],
    operation: `mutation RestCancelOrder($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { ...RestOrder } } ${ORDER_FIELDS}`,
    body: CancelOrderBody,
    variables: ({ body }) => ({ id: body.o_id, reason: body.reason ?? null }),
    respond: (data) => toRestOrder(data.cancelOrder as GqlOrder),
  },
  {
    method: 'GET',
    path: '/get_orders',
    summary:
      "List orders, newest first, a page at a time: a customer's own, or all of a business's",
    who: 'user or business',
    status: 200,
    response: OrdersResponse,
    errors: ['UNAUTHENTICATED'],
    query: GetOrdersQuery,
    operation: `query RestGetOrders($state: OrderState, $first: Int, $after: String) {
      orderSync(state: $state, first: $first, after: $after) {
        edges { node { ...RestOrder } }
        pageInfo { hasNextPage endCursor }
      } } ${ORDER_FIELDS}`,
    variables: ({ query }) => ({
      state: requireOrderStateFilter(query.get('state'))?.toUpperCase() ?? null,
      first: query.has('limit') ? wholeNumberParam(query.get('limit')!, 'limit') : undefined,
      after: query.get('cursor') || null,
    }),
    respond: (data) => {
      const page = data.orderSync as {
        edges: { node: GqlOrder }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      return {
        orders: page.edges.map((edge) => toRestOrder(edge.node)),
        next_cursor: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
      };
    },
    fieldNames: { first: 'limit', after: 'cursor' },
  },
  {
    method: 'POST',
    path: '/set-menu-and-instore',
    summary: 'Create and update menu items and their stock, all or nothing',
    who: 'business',
    status: 200,
    response: MenuItemsResponse,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
    operation: `mutation RestSetMenu($items: [MenuItemInput!]!) {
      setMenuAndInstore(items: $items) { ...RestMenuItem } } ${MENU_ITEM_FIELDS}`,
    body: SetMenuBody,
    variables: ({ body }) => ({
      items: (body.items as z.infer<typeof RestMenuItemInput>[]).map((item) => ({
        id: item.m_id ?? null,
        name: item.m_name,
        imageUrl: item.m_img_url,
        price: item.m_price,
        inStore: item.m_instore ?? null,
        expectedInStore: item.m_expected_instore ?? null,
      })),
    }),
    respond: (data) => ({ items: (data.setMenuAndInstore as GqlMenuItem[]).map(toRestMenuItem) }),
    fieldNames: {
      id: 'm_id',
      name: 'm_name',
      imageUrl: 'm_img_url',
      price: 'm_price',
      inStore: 'm_instore',
      expectedInStore: 'm_expected_instore',
    },
  },
];
