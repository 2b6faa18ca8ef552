/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation UserLogin($name: String!, $password: String!) {\n    userLogin(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.UserLoginDocument,
    "\n  mutation BusinessLogin($name: String!, $password: String!) {\n    businessLogin(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.BusinessLoginDocument,
    "\n  mutation SignUpUser($name: String!, $password: String!) {\n    signUpUser(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.SignUpUserDocument,
    "\n  mutation SignUpBusiness($name: String!, $password: String!) {\n    signUpBusiness(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.SignUpBusinessDocument,
    "\n  fragment SessionFields on AuthPayload {\n    token\n    refreshToken\n    role\n    id\n    name\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      role\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment KitchenInfo on Business {\n    id\n    name\n    imageUrl\n    kitchen {\n      capacity\n      prepTimeMs\n      queueLength\n      cooking\n    }\n  }\n": typeof types.KitchenInfoFragmentDoc,
    "\n  fragment Ticket on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      note\n      menuItem {\n        id\n        name\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    customer {\n      id\n      name\n    }\n  }\n": typeof types.TicketFragmentDoc,
    "\n  query Board {\n    me {\n      ... on Business {\n        ...KitchenInfo\n        # The all-day strip's fields, inline: as a fragment they would pass the depth limit.\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    orders {\n      ...Ticket\n    }\n  }\n": typeof types.BoardDocument,
    "\n  query BoardAllDay {\n    me {\n      ... on Business {\n        id\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardAllDayDocument,
    "\n  subscription BoardOrderUpdated {\n    orderUpdated {\n      ...Ticket\n    }\n  }\n": typeof types.BoardOrderUpdatedDocument,
    "\n  mutation AcceptOrder($id: ID!) {\n    acceptOrder(id: $id) {\n      ...Ticket\n    }\n  }\n": typeof types.AcceptOrderDocument,
    "\n  mutation RejectOrder($id: ID!) {\n    rejectOrder(id: $id) {\n      ...Ticket\n    }\n  }\n": typeof types.RejectOrderDocument,
    "\n  mutation CompleteOrder($id: ID!) {\n    completeOrder(id: $id) {\n      ...Ticket\n    }\n  }\n": typeof types.CompleteOrderDocument,
    "\n  fragment EditableMenuItem on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n": typeof types.EditableMenuItemFragmentDoc,
    "\n  query MyMenu {\n    me {\n      ... on Business {\n        id\n        name\n        menu {\n          ...EditableMenuItem\n        }\n      }\n    }\n  }\n": typeof types.MyMenuDocument,
    "\n  subscription MyMenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...EditableMenuItem\n    }\n  }\n": typeof types.MyMenuUpdatedDocument,
    "\n  mutation SaveMenu($items: [MenuItemInput!]!) {\n    setMenuAndInstore(items: $items) {\n      ...EditableMenuItem\n    }\n  }\n": typeof types.SaveMenuDocument,
    "\n  subscription NewOrder {\n    newOrder {\n      ...Ticket\n    }\n  }\n": typeof types.NewOrderDocument,
    "\n  subscription OrderDecided {\n    orderUpdated {\n      id\n      state\n    }\n  }\n": typeof types.OrderDecidedDocument,
    "\n  query PendingOrders {\n    orders(state: PENDING) {\n      ...Ticket\n    }\n  }\n": typeof types.PendingOrdersDocument,
    "\n  fragment BusinessCard on Business {\n    id\n    name\n    imageUrl\n    kitchen {\n      capacity\n      cooking\n      queueLength\n      prepTimeMs\n    }\n  }\n": typeof types.BusinessCardFragmentDoc,
    "\n  query Businesses {\n    businesses {\n      ...BusinessCard\n    }\n  }\n": typeof types.BusinessesDocument,
    "\n  fragment MenuItemCard on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n": typeof types.MenuItemCardFragmentDoc,
    "\n  query BusinessMenu($businessId: ID!) {\n    business(id: $businessId) {\n      ...BusinessCard\n    }\n    menu(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n": typeof types.BusinessMenuDocument,
    "\n  subscription MenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n": typeof types.MenuUpdatedDocument,
    "\n  fragment CustomerOrder on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      unitPrice\n      total\n      note\n      menuItem {\n        id\n        name\n        imageUrl\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    business {\n      id\n      name\n      kitchen {\n        prepTimeMs\n      }\n    }\n    history {\n      at\n      from\n      to\n      actor\n    }\n  }\n": typeof types.CustomerOrderFragmentDoc,
    "\n  mutation PlaceOrder($lines: [OrderLineInput!]!, $note: String, $idempotencyKey: String) {\n    placeOrder(lines: $lines, note: $note, idempotencyKey: $idempotencyKey) {\n      ...CustomerOrder\n    }\n  }\n": typeof types.PlaceOrderDocument,
    "\n  query MyOrders {\n    orders {\n      ...CustomerOrder\n    }\n  }\n": typeof types.MyOrdersDocument,
    "\n  subscription MyOrderUpdated {\n    orderUpdated {\n      ...CustomerOrder\n    }\n  }\n": typeof types.MyOrderUpdatedDocument,
    "\n  subscription TrackOrder($id: ID!) {\n    orderUpdated(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": typeof types.TrackOrderDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": typeof types.OrderDocument,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": typeof types.CancelOrderDocument,
};
const documents: Documents = {
    "\n  mutation UserLogin($name: String!, $password: String!) {\n    userLogin(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.UserLoginDocument,
    "\n  mutation BusinessLogin($name: String!, $password: String!) {\n    businessLogin(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.BusinessLoginDocument,
    "\n  mutation SignUpUser($name: String!, $password: String!) {\n    signUpUser(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.SignUpUserDocument,
    "\n  mutation SignUpBusiness($name: String!, $password: String!) {\n    signUpBusiness(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.SignUpBusinessDocument,
    "\n  fragment SessionFields on AuthPayload {\n    token\n    refreshToken\n    role\n    id\n    name\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      role\n    }\n  }\n": types.MeDocument,
    "\n  fragment KitchenInfo on Business {\n    id\n    name\n    imageUrl\n    kitchen {\n      capacity\n      prepTimeMs\n      queueLength\n      cooking\n    }\n  }\n": types.KitchenInfoFragmentDoc,
    "\n  fragment Ticket on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      note\n      menuItem {\n        id\n        name\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    customer {\n      id\n      name\n    }\n  }\n": types.TicketFragmentDoc,
    "\n  query Board {\n    me {\n      ... on Business {\n        ...KitchenInfo\n        # The all-day strip's fields, inline: as a fragment they would pass the depth limit.\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    orders {\n      ...Ticket\n    }\n  }\n": types.BoardDocument,
    "\n  query BoardAllDay {\n    me {\n      ... on Business {\n        id\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BoardAllDayDocument,
    "\n  subscription BoardOrderUpdated {\n    orderUpdated {\n      ...Ticket\n    }\n  }\n": types.BoardOrderUpdatedDocument,
    "\n  mutation AcceptOrder($id: ID!) {\n    acceptOrder(id: $id) {\n      ...Ticket\n    }\n  }\n": types.AcceptOrderDocument,
    "\n  mutation RejectOrder($id: ID!) {\n    rejectOrder(id: $id) {\n      ...Ticket\n    }\n  }\n": types.RejectOrderDocument,
    "\n  mutation CompleteOrder($id: ID!) {\n    completeOrder(id: $id) {\n      ...Ticket\n    }\n  }\n": types.CompleteOrderDocument,
    "\n  fragment EditableMenuItem on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n": types.EditableMenuItemFragmentDoc,
    "\n  query MyMenu {\n    me {\n      ... on Business {\n        id\n        name\n        menu {\n          ...EditableMenuItem\n        }\n      }\n    }\n  }\n": types.MyMenuDocument,
    "\n  subscription MyMenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...EditableMenuItem\n    }\n  }\n": types.MyMenuUpdatedDocument,
    "\n  mutation SaveMenu($items: [MenuItemInput!]!) {\n    setMenuAndInstore(items: $items) {\n      ...EditableMenuItem\n    }\n  }\n": types.SaveMenuDocument,
    "\n  subscription NewOrder {\n    newOrder {\n      ...Ticket\n    }\n  }\n": types.NewOrderDocument,
    "\n  subscription OrderDecided {\n    orderUpdated {\n      id\n      state\n    }\n  }\n": types.OrderDecidedDocument,
    "\n  query PendingOrders {\n    orders(state: PENDING) {\n      ...Ticket\n    }\n  }\n": types.PendingOrdersDocument,
    "\n  fragment BusinessCard on Business {\n    id\n    name\n    imageUrl\n    kitchen {\n      capacity\n      cooking\n      queueLength\n      prepTimeMs\n    }\n  }\n": types.BusinessCardFragmentDoc,
    "\n  query Businesses {\n    businesses {\n      ...BusinessCard\n    }\n  }\n": types.BusinessesDocument,
    "\n  fragment MenuItemCard on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n": types.MenuItemCardFragmentDoc,
    "\n  query BusinessMenu($businessId: ID!) {\n    business(id: $businessId) {\n      ...BusinessCard\n    }\n    menu(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n": types.BusinessMenuDocument,
    "\n  subscription MenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n": types.MenuUpdatedDocument,
    "\n  fragment CustomerOrder on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      unitPrice\n      total\n      note\n      menuItem {\n        id\n        name\n        imageUrl\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    business {\n      id\n      name\n      kitchen {\n        prepTimeMs\n      }\n    }\n    history {\n      at\n      from\n      to\n      actor\n    }\n  }\n": types.CustomerOrderFragmentDoc,
    "\n  mutation PlaceOrder($lines: [OrderLineInput!]!, $note: String, $idempotencyKey: String) {\n    placeOrder(lines: $lines, note: $note, idempotencyKey: $idempotencyKey) {\n      ...CustomerOrder\n    }\n  }\n": types.PlaceOrderDocument,
    "\n  query MyOrders {\n    orders {\n      ...CustomerOrder\n    }\n  }\n": types.MyOrdersDocument,
    "\n  subscription MyOrderUpdated {\n    orderUpdated {\n      ...CustomerOrder\n    }\n  }\n": types.MyOrderUpdatedDocument,
    "\n  subscription TrackOrder($id: ID!) {\n    orderUpdated(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": types.TrackOrderDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": types.OrderDocument,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": types.CancelOrderDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UserLogin($name: String!, $password: String!) {\n    userLogin(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation UserLogin($name: String!, $password: String!) {\n    userLogin(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BusinessLogin($name: String!, $password: String!) {\n    businessLogin(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation BusinessLogin($name: String!, $password: String!) {\n    businessLogin(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpUser($name: String!, $password: String!) {\n    signUpUser(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpUser($name: String!, $password: String!) {\n    signUpUser(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpBusiness($name: String!, $password: String!) {\n    signUpBusiness(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpBusiness($name: String!, $password: String!) {\n    signUpBusiness(name: $name, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    token\n    refreshToken\n    role\n    id\n    name\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    token\n    refreshToken\n    role\n    id\n    name\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      role\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitchenInfo on Business {\n    id\n    name\n    imageUrl\n    kitchen {\n      capacity\n      prepTimeMs\n      queueLength\n      cooking\n    }\n  }\n"): (typeof documents)["\n  fragment KitchenInfo on Business {\n    id\n    name\n    imageUrl\n    kitchen {\n      capacity\n      prepTimeMs\n      queueLength\n      cooking\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Ticket on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      note\n      menuItem {\n        id\n        name\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    customer {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment Ticket on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      note\n      menuItem {\n        id\n        name\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    customer {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Board {\n    me {\n      ... on Business {\n        ...KitchenInfo\n        # The all-day strip's fields, inline: as a fragment they would pass the depth limit.\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    orders {\n      ...Ticket\n    }\n  }\n"): (typeof documents)["\n  query Board {\n    me {\n      ... on Business {\n        ...KitchenInfo\n        # The all-day strip's fields, inline: as a fragment they would pass the depth limit.\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    orders {\n      ...Ticket\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardAllDay {\n    me {\n      ... on Business {\n        id\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardAllDay {\n    me {\n      ... on Business {\n        id\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BoardOrderUpdated {\n    orderUpdated {\n      ...Ticket\n    }\n  }\n"): (typeof documents)["\n  subscription BoardOrderUpdated {\n    orderUpdated {\n      ...Ticket\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptOrder($id: ID!) {\n    acceptOrder(id: $id) {\n      ...Ticket\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptOrder($id: ID!) {\n    acceptOrder(id: $id) {\n      ...Ticket\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectOrder($id: ID!) {\n    rejectOrder(id: $id) {\n      ...Ticket\n    }\n  }\n"): (typeof documents)["\n  mutation RejectOrder($id: ID!) {\n    rejectOrder(id: $id) {\n      ...Ticket\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteOrder($id: ID!) {\n    completeOrder(id: $id) {\n      ...Ticket\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteOrder($id: ID!) {\n    completeOrder(id: $id) {\n      ...Ticket\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditableMenuItem on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n"): (typeof documents)["\n  fragment EditableMenuItem on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMenu {\n    me {\n      ... on Business {\n        id\n        name\n        menu {\n          ...EditableMenuItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyMenu {\n    me {\n      ... on Business {\n        id\n        name\n        menu {\n          ...EditableMenuItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyMenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...EditableMenuItem\n    }\n  }\n"): (typeof documents)["\n  subscription MyMenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...EditableMenuItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveMenu($items: [MenuItemInput!]!) {\n    setMenuAndInstore(items: $items) {\n      ...EditableMenuItem\n    }\n  }\n"): (typeof documents)["\n  mutation SaveMenu($items: [MenuItemInput!]!) {\n    setMenuAndInstore(items: $items) {\n      ...EditableMenuItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NewOrder {\n    newOrder {\n      ...Ticket\n    }\n  }\n"): (typeof documents)["\n  subscription NewOrder {\n    newOrder {\n      ...Ticket\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrderDecided {\n    orderUpdated {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  subscription OrderDecided {\n    orderUpdated {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingOrders {\n    orders(state: PENDING) {\n      ...Ticket\n    }\n  }\n"): (typeof documents)["\n  query PendingOrders {\n    orders(state: PENDING) {\n      ...Ticket\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BusinessCard on Business {\n    id\n    name\n    imageUrl\n    kitchen {\n      capacity\n      cooking\n      queueLength\n      prepTimeMs\n    }\n  }\n"): (typeof documents)["\n  fragment BusinessCard on Business {\n    id\n    name\n    imageUrl\n    kitchen {\n      capacity\n      cooking\n      queueLength\n      prepTimeMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Businesses {\n    businesses {\n      ...BusinessCard\n    }\n  }\n"): (typeof documents)["\n  query Businesses {\n    businesses {\n      ...BusinessCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MenuItemCard on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n"): (typeof documents)["\n  fragment MenuItemCard on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BusinessMenu($businessId: ID!) {\n    business(id: $businessId) {\n      ...BusinessCard\n    }\n    menu(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n"): (typeof documents)["\n  query BusinessMenu($businessId: ID!) {\n    business(id: $businessId) {\n      ...BusinessCard\n    }\n    menu(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n"): (typeof documents)["\n  subscription MenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerOrder on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      unitPrice\n      total\n      note\n      menuItem {\n        id\n        name\n        imageUrl\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    business {\n      id\n      name\n      kitchen {\n        prepTimeMs\n      }\n    }\n    history {\n      at\n      from\n      to\n      actor\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerOrder on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      unitPrice\n      total\n      note\n      menuItem {\n        id\n        name\n        imageUrl\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    business {\n      id\n      name\n      kitchen {\n        prepTimeMs\n      }\n    }\n    history {\n      at\n      from\n      to\n      actor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceOrder($lines: [OrderLineInput!]!, $note: String, $idempotencyKey: String) {\n    placeOrder(lines: $lines, note: $note, idempotencyKey: $idempotencyKey) {\n      ...CustomerOrder\n    }\n  }\n"): (typeof documents)["\n  mutation PlaceOrder($lines: [OrderLineInput!]!, $note: String, $idempotencyKey: String) {\n    placeOrder(lines: $lines, note: $note, idempotencyKey: $idempotencyKey) {\n      ...CustomerOrder\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrders {\n    orders {\n      ...CustomerOrder\n    }\n  }\n"): (typeof documents)["\n  query MyOrders {\n    orders {\n      ...CustomerOrder\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyOrderUpdated {\n    orderUpdated {\n      ...CustomerOrder\n    }\n  }\n"): (typeof documents)["\n  subscription MyOrderUpdated {\n    orderUpdated {\n      ...CustomerOrder\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TrackOrder($id: ID!) {\n    orderUpdated(id: $id) {\n      ...CustomerOrder\n    }\n  }\n"): (typeof documents)["\n  subscription TrackOrder($id: ID!) {\n    orderUpdated(id: $id) {\n      ...CustomerOrder\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...CustomerOrder\n    }\n  }\n"): (typeof documents)["\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...CustomerOrder\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...CustomerOrder\n    }\n  }\n"): (typeof documents)["\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...CustomerOrder\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;