import { builder } from '../builder.js';

export const OrderStateEnum = builder.enumType('OrderState', {
  values: {
    PENDING: { value: 'pending' },
    ACCEPTED: { value: 'accepted' },
    PROCESSING: { value: 'processing' },
    COMPLETED: { value: 'completed' },
    CANCELLED: { value: 'cancelled' },
    REJECTED: { value: 'rejected' },
  } as const,
});

export const RoleEnum = builder.enumType('Role', {
  values: { USER: { value: 'user' }, BUSINESS: { value: 'business' } } as const,
});

export const ActorEnum = builder.enumType('Actor', {
  description: 'Who did a transition.',
  values: {
    USER: { value: 'user' },
    BUSINESS: { value: 'business' },
    KITCHEN: { value: 'kitchen' },
  } as const,
});
