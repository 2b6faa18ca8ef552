// The six REST compatibility routes: each names its GraphQL operation, how the request becomes
// variables, and how the result is renamed to the field names of the original tables.
import type { z } from 'zod';
import { requireOrderStateFilter } from '../services/orders.service.js';
import type { OrderState } from '../services/types.js';
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
import type { ErrorCode } from '../errors.js';

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
      userLogin(name: $name, password: $password) { token id name } }`,
    body: UserLoginBody,
    variables: ({ body }) => ({ name: body.u_name, password: body.u_password }),
    respond: (data) => {
      const r = data.userLogin as { token: string; id: string; name: string };
      return { token: r.token, u_id: r.id, u_name: r.name };
    },
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
      businessLogin(name: $name, password: $password) { token id name } }`,
    body: BusinessLoginBody,
    variables: ({ body }) => ({ name: body.e_name, password: body.e_password }),
    respond: (data) => {
      const r = data.businessLogin as { token: string; id: string; name: string };
      return { token: r.token, e_id: r.id, e_name: r.name };
    },
  },
  {
    method: 'POST',
    path: '/order',
    summary: 'Place an order: reserves the stock at once; the order starts pending',
    who: 'user',
    status: 201,
    response: RestOrder,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'OUT_OF_STOCK'],
    headers: IdempotencyKeyHeader,
    operation: `mutation RestPlaceOrder($menuItemId: ID!, $quantity: Int!, $idempotencyKey: String) {
      placeOrder(menuItemId: $menuItemId, quantity: $quantity, idempotencyKey: $idempotencyKey) { ...RestOrder } }
      ${ORDER_FIELDS}`,
    body: PlaceOrderBody,
    variables: (input) => ({
      menuItemId: input.body.m_id,
      quantity: input.body.quantity,
      idempotencyKey: header(input, 'idempotency-key') ?? null,
    }),
    respond: (data) => toRestOrder(data.placeOrder as GqlOrder),
    fieldNames: { menuItemId: 'm_id', idempotencyKey: 'Idempotency-Key' },
  },
  {
    method: 'POST',
    path: '/cancel_order',
    summary: 'Cancel your pending order; its stock goes back',
    who: 'user',
    status: 200,
    response: RestOrder,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_STATE'],
    operation: `mutation RestCancelOrder($id: ID!) { cancelOrder(id: $id) { ...RestOrder } } ${ORDER_FIELDS}`,
    body: CancelOrderBody,
    variables: ({ body }) => ({ id: body.o_id }),
    respond: (data) => toRestOrder(data.cancelOrder as GqlOrder),
  },
  {
    method: 'GET',
    path: '/get_orders',
    summary: "List orders, newest first: a customer's own, or all of a business's",
    who: 'user or business',
    status: 200,
    response: OrdersResponse,
    errors: ['UNAUTHENTICATED'],
    query: GetOrdersQuery,
    operation: `query RestGetOrders($state: OrderState) { orders(state: $state) { ...RestOrder } } ${ORDER_FIELDS}`,
    variables: ({ query }) => ({
      state: requireOrderStateFilter(query.get('state'))?.toUpperCase() ?? null,
    }),
    respond: (data) => ({ orders: (data.orders as GqlOrder[]).map(toRestOrder) }),
  },
  {
    method: 'POST',
    path: '/set-menu-and-instore',
    summary: 'Create and update menu items and their stock, all or nothing',
    who: 'business',
    status: 200,
    response: MenuItemsResponse,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
    operation: `mutation RestSetMenu($items: [MenuItemInput!]!) {
      setMenuAndInstore(items: $items) { ...RestMenuItem } } ${MENU_ITEM_FIELDS}`,
    body: SetMenuBody,
    variables: ({ body }) => ({
      items: (body.items as z.infer<typeof RestMenuItemInput>[]).map((item) => ({
        id: item.m_id ?? null,
        name: item.m_name,
        imageUrl: item.m_img_url,
        price: item.m_price,
        inStore: item.m_instore,
      })),
    }),
    respond: (data) => ({ items: (data.setMenuAndInstore as GqlMenuItem[]).map(toRestMenuItem) }),
    fieldNames: {
      id: 'm_id',
      name: 'm_name',
      imageUrl: 'm_img_url',
      price: 'm_price',
      inStore: 'm_instore',
    },
  },
];
