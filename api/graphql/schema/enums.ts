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
    SYSTEM: { value: 'system' },
  } as const,
});

export const OrderActionEnum = builder.enumType('OrderAction', {
  description: 'What the viewer may do to an order now (clients draw their buttons from these).',
  values: {
    ACCEPT: { value: 'accept' },
    REJECT: { value: 'reject' },
    CANCEL: { value: 'cancel' },
    COMPLETE: { value: 'complete' },
  } as const,
});
