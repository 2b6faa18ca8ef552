// The REST routes' request and response shapes. The same zod schemas validate requests and
// generate /openapi.json. The rules are the services'; the only ones checked here are the whole-number
// fields, which GraphQL's Int would otherwise refuse in GraphQL's words, with the services' limits.
import { z } from 'zod';
import { SPEC_ERROR_CODES } from '../errors.js';
import {
  MAX_LINES,
  MAX_NOTE_LENGTH,
  MAX_ORDER_QUANTITY,
  MAX_QUANTITY,
  MAX_REASON_LENGTH,
  MAX_STOCK,
  MIN_QUANTITY,
  SYNC_PAGE_MAX,
} from '../domain/limits.js';
import { ORDER_STATES } from '../domain/types.js';

const ERROR_CODES = [...SPEC_ERROR_CODES, 'INTERNAL'] as const;

const id = (what: string) =>
  z.string().meta({
    description: `The ${what}'s id (a UUID)`,
    example: '3f2c1a9e-6b1d-4c0e-9a55-2d8f1e7b4c10',
  });
/** An integer in the service's range, refused in REST's words before GraphQL's Int would refuse it. */
const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.number().int(message).min(min, message).max(max, message);
};
const timestamp = z.string().meta({ format: 'date-time', example: '2026-11-26T10:15:00.000Z' });

export const ErrorBody = z
  .object({
    error: z
      .object({
        code: z.enum(ERROR_CODES),
        message: z.string().meta({ description: 'What went wrong, in words' }),
      })
      .catchall(z.unknown()),
  })
  .meta({ id: 'Error', description: 'Every refusal: the HTTP status and this body' });

export const UserLoginBody = z
  .object({
    u_name: z.string().meta({ example: 'alice' }),
    u_password: z.string().meta({ example: 'alice-pass' }),
  })
  .meta({ id: 'UserLoginRequest' });
export const BusinessLoginBody = z
  .object({
    e_name: z.string().meta({ example: 'Pizza Palace' }),
    e_password: z.string().meta({ example: 'pizza-pass' }),
  })
  .meta({ id: 'BusinessLoginRequest' });
const quantity = wholeNumber(MIN_QUANTITY, MAX_QUANTITY).meta({
  description: `A whole number from ${MIN_QUANTITY} to ${MAX_QUANTITY}, and at most the item's stock (m_instore)`,
  minimum: MIN_QUANTITY,
  maximum: MAX_QUANTITY,
  example: 2,
});
const note = z
  .string()
  .nullish()
  .meta({
    description: `For the kitchen; at most ${MAX_NOTE_LENGTH} characters, no control characters`,
  });
const OneItemOrder = z
  .object({ m_id: id('menu item'), quantity })
  .meta({ id: 'OneItemOrderRequest', description: 'One item: a one-line order' });
const BasketOrder = z
  .object({
    items: z
      .array(z.object({ m_id: id('menu item'), quantity, note }).meta({ id: 'OrderLineRequest' }))
      .meta({
        description: `1 to ${MAX_LINES} lines of one business; their quantities add up to at most ${MAX_ORDER_QUANTITY}`,
      }),
    note,
  })
  .meta({ id: 'BasketOrderRequest', description: 'A basket: several lines and a note' });
export const PlaceOrderBody = z
  .union([BasketOrder, OneItemOrder])
  .meta({ id: 'PlaceOrderRequest', description: 'One item, or a basket' });
export const CancelOrderBody = z
  .object({
    o_id: id('order'),
    reason: z
      .string()
      .max(MAX_REASON_LENGTH, `reason: at most ${MAX_REASON_LENGTH} characters`)
      .nullish()
      .meta({ description: `Why, for the business; at most ${MAX_REASON_LENGTH} characters` }),
  })
  .meta({ id: 'CancelOrderRequest' });
export const RestMenuItemInput = z
  .object({
    m_id: z
      .string()
      .nullish()
      .meta({ description: 'Present: update this item of yours. Absent: create an item.' }),
    m_name: z.string().meta({ description: '1–100 characters', example: 'Margherita' }),
    m_img_url: z.string().meta({
      description: 'Empty, an http(s) URL, or a same-origin path',
      example: '/images/margherita.svg',
    }),
    m_price: z
      .number()
      .meta({ description: '≥ 0, at most two decimals', minimum: 0, example: 9.5 }),
    m_instore: wholeNumber(0, MAX_STOCK).nullish().meta({
      description: 'Stock: a whole number ≥ 0; required for a new item, optional on an update',
      example: 20,
    }),
    m_expected_instore: wholeNumber(0, MAX_STOCK).nullish().meta({
      description:
        'On an update that sets m_instore: the stock it was read at. If it moved since, the whole request is refused with CONFLICT',
      example: 20,
    }),
  })
  .meta({ id: 'MenuItemInput' });
export const SetMenuBody = z
  .object({ items: z.array(RestMenuItemInput) })
  .meta({ id: 'SetMenuRequest', description: 'Applied all at once, or not at all' });

export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z.string().optional().meta({
    description:
      'Repeat a placement safely: the same key from the same customer returns the first order and reserves nothing more',
    example: '7d7c1c1e-retry',
  }),
});
export const GetOrdersQuery = z.object({
  state: z.enum(ORDER_STATES).optional().meta({ description: 'Only orders in this state' }),
  limit: z
    .number()
    .int()
    .min(1)
    .max(SYNC_PAGE_MAX)
    .optional()
    .meta({ description: `Orders per page, 1–${SYNC_PAGE_MAX} (default ${SYNC_PAGE_MAX})` }),
  cursor: z
    .string()
    .optional()
    .meta({ description: 'The next_cursor of the page before; absent for the first page' }),
});

const session = {
  token: z.string().meta({ description: 'The access token: send it as Authorization: Bearer' }),
  refresh_token: z
    .string()
    .meta({ description: 'Trade it for a new pair (GraphQL refreshSession) before expires_at' }),
  expires_at: timestamp.meta({ description: 'When the access token expires' }),
};
export const UserLoginResponse = z
  .object({ ...session, u_id: id('customer'), u_name: z.string() })
  .meta({ id: 'UserLoginResponse' });
export const BusinessLoginResponse = z
  .object({ ...session, e_id: id('business'), e_name: z.string() })
  .meta({ id: 'BusinessLoginResponse' });

export const RestOrder = z
  .object({
    o_id: id('order'),
    o_state: z.enum(ORDER_STATES),
    e_id: id('business'),
    m_id: id('menu item'),
    u_id: id('customer'),
    quantity: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
    queue_position: z.number().int().nullable().meta({
      description: '0 = in the oven; n ≥ 1 = n-th in line for a kitchen slot; null once final',
    }),
    estimated_ready_at: timestamp
      .nullable()
      .meta({ description: 'Queue-model estimate; null once final' }),
    accepted_at: timestamp.nullable(),
    started_at: timestamp.nullable(),
    completed_at: timestamp.nullable(),
    m_name: z.string(),
    e_name: z.string(),
    u_name: z.string(),
    unit_price: z.number().meta({ description: "The first line's unit price" }),
    total: z.number().meta({ description: 'The sum of the lines' }),
    note: z.string().nullable(),
    items: z
      .array(
        z
          .object({
            m_id: id('menu item'),
            m_name: z.string(),
            quantity: z.number().int(),
            m_price: z.number().meta({ description: 'The price of one when ordered' }),
            note: z.string().nullable(),
          })
          .meta({ id: 'OrderLine' }),
      )
      .meta({ description: 'The lines; m_id and quantity above are the first line and the total' }),
  })
  .meta({ id: 'Order' });

export const RestMenuItem = z
  .object({
    m_id: id('menu item'),
    e_id: id('business'),
    m_name: z.string(),
    m_img_url: z.string(),
    m_price: z.number(),
    m_instore: z.number().int(),
  })
  .meta({ id: 'MenuItem' });

export const OrdersResponse = z
  .object({
    orders: z.array(RestOrder),
    next_cursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as cursor for the next page; null on the last page' }),
  })
  .meta({ id: 'OrdersResponse' });
export const MenuItemsResponse = z
  .object({ items: z.array(RestMenuItem) })
  .meta({ id: 'MenuItemsResponse' });

export type RestOrderShape = z.infer<typeof RestOrder>;
export type RestMenuItemShape = z.infer<typeof RestMenuItem>;
