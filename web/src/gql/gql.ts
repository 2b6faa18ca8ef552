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
    "\n  query Board($todayStart: DateTime!) {\n    me {\n      ... on Business {\n        ...KitchenInfo\n        ordering {\n          open\n          reason\n          until\n        }\n        # The all-day strip's fields, inline: as a fragment they would pass the depth limit.\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    completedToday: orderHistory(state: COMPLETED, since: $todayStart, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.BoardDocument,
    "\n  query BoardColumn($state: OrderState!, $first: Int!) {\n    # No totalCount: counting every done order ever would grow with the history.\n    orderHistory(state: $state, first: $first) {\n      edges {\n        node {\n          id\n          state\n          nextActions\n          total\n          note\n          lines {\n            quantity\n            note\n            menuItem {\n              id\n              name\n            }\n          }\n          createdAt\n          updatedAt\n          acceptedAt\n          startedAt\n          completedAt\n          queuePosition\n          estimatedReadyAt\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardColumnDocument,
    "\n  fragment OrderingInfo on Business {\n    id\n    ordering {\n      open\n      reason\n      until\n    }\n  }\n": typeof types.OrderingInfoFragmentDoc,
    "\n  mutation PauseOrders($reason: String, $until: DateTime) {\n    pauseOrders(reason: $reason, until: $until) {\n      ...OrderingInfo\n    }\n  }\n": typeof types.PauseOrdersDocument,
    "\n  mutation ResumeOrders {\n    resumeOrders {\n      ...OrderingInfo\n    }\n  }\n": typeof types.ResumeOrdersDocument,
    "\n  query BoardAllDay {\n    me {\n      ... on Business {\n        id\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardAllDayDocument,
    "\n  subscription BoardOrderUpdated {\n    orderUpdated {\n      ...Ticket\n    }\n  }\n": typeof types.BoardOrderUpdatedDocument,
    "\n  mutation AcceptOrder($id: ID!) {\n    acceptOrder(id: $id) {\n      ...Ticket\n    }\n  }\n": typeof types.AcceptOrderDocument,
    "\n  mutation RejectOrder($id: ID!, $reason: String) {\n    rejectOrder(id: $id, reason: $reason) {\n      ...Ticket\n    }\n  }\n": typeof types.RejectOrderDocument,
    "\n  mutation CompleteOrder($id: ID!) {\n    completeOrder(id: $id) {\n      ...Ticket\n    }\n  }\n": typeof types.CompleteOrderDocument,
    "\n  fragment EditableMenuItem on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n": typeof types.EditableMenuItemFragmentDoc,
    "\n  query MyMenu {\n    me {\n      ... on Business {\n        id\n        name\n        menu {\n          ...EditableMenuItem\n        }\n      }\n    }\n  }\n": typeof types.MyMenuDocument,
    "\n  subscription MyMenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...EditableMenuItem\n    }\n  }\n": typeof types.MyMenuUpdatedDocument,
    "\n  mutation SaveMenu($items: [MenuItemInput!]!) {\n    setMenuAndInstore(items: $items) {\n      ...EditableMenuItem\n    }\n  }\n": typeof types.SaveMenuDocument,
    "\n  subscription NewOrder {\n    newOrder {\n      ...Ticket\n    }\n  }\n": typeof types.NewOrderDocument,
    "\n  subscription OrderDecided {\n    orderUpdated {\n      id\n      state\n    }\n  }\n": typeof types.OrderDecidedDocument,
    "\n  query PendingOrders {\n    orderHistory(state: PENDING, first: 100) {\n      edges {\n        node {\n          id\n          lines {\n            quantity\n            menuItem {\n              name\n            }\n          }\n          customer {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.PendingOrdersDocument,
    "\n  query HistoryPage(\n    $first: Int!\n    $after: String\n    $state: OrderState\n    $since: DateTime\n    $until: DateTime\n    $search: String\n  ) {\n    orderHistory(\n      first: $first\n      after: $after\n      state: $state\n      since: $since\n      until: $until\n      search: $search\n    ) {\n      totalCount\n      totalAmount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          state\n          total\n          createdAt\n          customer {\n            name\n          }\n          lines {\n            quantity\n            menuItem {\n              name\n            }\n          }\n          history {\n            to\n            reason\n          }\n        }\n      }\n    }\n  }\n": typeof types.HistoryPageDocument,
    "\n  fragment BusinessCard on Business {\n    id\n    name\n    imageUrl\n    # Inline: the server's depth limit counts fragment spreads.\n    ordering {\n      open\n      reason\n      until\n    }\n    kitchen {\n      capacity\n      cooking\n      queueLength\n      prepTimeMs\n    }\n  }\n": typeof types.BusinessCardFragmentDoc,
    "\n  query Businesses {\n    businesses {\n      ...BusinessCard\n    }\n  }\n": typeof types.BusinessesDocument,
    "\n  query BusinessOrderingNow($businessId: ID!) {\n    business(id: $businessId) {\n      id\n      ordering {\n        open\n        reason\n        until\n      }\n    }\n  }\n": typeof types.BusinessOrderingNowDocument,
    "\n  fragment MenuItemCard on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n": typeof types.MenuItemCardFragmentDoc,
    "\n  query BusinessMenu($businessId: ID!) {\n    business(id: $businessId) {\n      ...BusinessCard\n    }\n    menu(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n": typeof types.BusinessMenuDocument,
    "\n  subscription MenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n": typeof types.MenuUpdatedDocument,
    "\n  fragment CustomerOrder on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      unitPrice\n      total\n      note\n      menuItem {\n        id\n        name\n        imageUrl\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    business {\n      id\n      name\n      kitchen {\n        prepTimeMs\n      }\n    }\n    history {\n      at\n      from\n      to\n      actor\n      reason\n    }\n  }\n": typeof types.CustomerOrderFragmentDoc,
    "\n  mutation PlaceOrder($lines: [OrderLineInput!]!, $note: String, $idempotencyKey: String) {\n    placeOrder(lines: $lines, note: $note, idempotencyKey: $idempotencyKey) {\n      ...CustomerOrder\n    }\n  }\n": typeof types.PlaceOrderDocument,
    "\n  query MyLiveOrders {\n    pending: orders(state: PENDING, first: 50) {\n      ...CustomerOrder\n    }\n    accepted: orders(state: ACCEPTED, first: 50) {\n      ...CustomerOrder\n    }\n    processing: orders(state: PROCESSING, first: 50) {\n      ...CustomerOrder\n    }\n  }\n": typeof types.MyLiveOrdersDocument,
    "\n  query MyOrderHistory($first: Int!, $after: String) {\n    orderHistory(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      # Inline, as a finished order's row needs it (no timeline or ETA): the depth limit counts\n      # fragment spreads.\n      edges {\n        node {\n          id\n          state\n          total\n          note\n          createdAt\n          updatedAt\n          lines {\n            quantity\n            note\n            menuItem {\n              id\n              name\n              imageUrl\n            }\n          }\n          business {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyOrderHistoryDocument,
    "\n  subscription MyOrderUpdated {\n    orderUpdated {\n      ...CustomerOrder\n    }\n  }\n": typeof types.MyOrderUpdatedDocument,
    "\n  subscription TrackOrder($id: ID!) {\n    orderUpdated(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": typeof types.TrackOrderDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": typeof types.OrderDocument,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": typeof types.CancelOrderDocument,
    "\n  query WebhookSettings($first: Int!) {\n    webhook {\n      url\n      failing\n      deliveries(first: $first) {\n        eventCursor\n        status\n        attempts\n        deliveredAt\n        nextAttemptAt\n      }\n    }\n  }\n": typeof types.WebhookSettingsDocument,
    "\n  mutation SetWebhook($url: String!) {\n    setWebhook(url: $url) {\n      url\n      secret\n      failing\n    }\n  }\n": typeof types.SetWebhookDocument,
    "\n  mutation RemoveWebhook {\n    removeWebhook\n  }\n": typeof types.RemoveWebhookDocument,
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
    "\n  query Board($todayStart: DateTime!) {\n    me {\n      ... on Business {\n        ...KitchenInfo\n        ordering {\n          open\n          reason\n          until\n        }\n        # The all-day strip's fields, inline: as a fragment they would pass the depth limit.\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    completedToday: orderHistory(state: COMPLETED, since: $todayStart, first: 1) {\n      totalCount\n    }\n  }\n": types.BoardDocument,
    "\n  query BoardColumn($state: OrderState!, $first: Int!) {\n    # No totalCount: counting every done order ever would grow with the history.\n    orderHistory(state: $state, first: $first) {\n      edges {\n        node {\n          id\n          state\n          nextActions\n          total\n          note\n          lines {\n            quantity\n            note\n            menuItem {\n              id\n              name\n            }\n          }\n          createdAt\n          updatedAt\n          acceptedAt\n          startedAt\n          completedAt\n          queuePosition\n          estimatedReadyAt\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.BoardColumnDocument,
    "\n  fragment OrderingInfo on Business {\n    id\n    ordering {\n      open\n      reason\n      until\n    }\n  }\n": types.OrderingInfoFragmentDoc,
    "\n  mutation PauseOrders($reason: String, $until: DateTime) {\n    pauseOrders(reason: $reason, until: $until) {\n      ...OrderingInfo\n    }\n  }\n": types.PauseOrdersDocument,
    "\n  mutation ResumeOrders {\n    resumeOrders {\n      ...OrderingInfo\n    }\n  }\n": types.ResumeOrdersDocument,
    "\n  query BoardAllDay {\n    me {\n      ... on Business {\n        id\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BoardAllDayDocument,
    "\n  subscription BoardOrderUpdated {\n    orderUpdated {\n      ...Ticket\n    }\n  }\n": types.BoardOrderUpdatedDocument,
    "\n  mutation AcceptOrder($id: ID!) {\n    acceptOrder(id: $id) {\n      ...Ticket\n    }\n  }\n": types.AcceptOrderDocument,
    "\n  mutation RejectOrder($id: ID!, $reason: String) {\n    rejectOrder(id: $id, reason: $reason) {\n      ...Ticket\n    }\n  }\n": types.RejectOrderDocument,
    "\n  mutation CompleteOrder($id: ID!) {\n    completeOrder(id: $id) {\n      ...Ticket\n    }\n  }\n": types.CompleteOrderDocument,
    "\n  fragment EditableMenuItem on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n": types.EditableMenuItemFragmentDoc,
    "\n  query MyMenu {\n    me {\n      ... on Business {\n        id\n        name\n        menu {\n          ...EditableMenuItem\n        }\n      }\n    }\n  }\n": types.MyMenuDocument,
    "\n  subscription MyMenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...EditableMenuItem\n    }\n  }\n": types.MyMenuUpdatedDocument,
    "\n  mutation SaveMenu($items: [MenuItemInput!]!) {\n    setMenuAndInstore(items: $items) {\n      ...EditableMenuItem\n    }\n  }\n": types.SaveMenuDocument,
    "\n  subscription NewOrder {\n    newOrder {\n      ...Ticket\n    }\n  }\n": types.NewOrderDocument,
    "\n  subscription OrderDecided {\n    orderUpdated {\n      id\n      state\n    }\n  }\n": types.OrderDecidedDocument,
    "\n  query PendingOrders {\n    orderHistory(state: PENDING, first: 100) {\n      edges {\n        node {\n          id\n          lines {\n            quantity\n            menuItem {\n              name\n            }\n          }\n          customer {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.PendingOrdersDocument,
    "\n  query HistoryPage(\n    $first: Int!\n    $after: String\n    $state: OrderState\n    $since: DateTime\n    $until: DateTime\n    $search: String\n  ) {\n    orderHistory(\n      first: $first\n      after: $after\n      state: $state\n      since: $since\n      until: $until\n      search: $search\n    ) {\n      totalCount\n      totalAmount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          state\n          total\n          createdAt\n          customer {\n            name\n          }\n          lines {\n            quantity\n            menuItem {\n              name\n            }\n          }\n          history {\n            to\n            reason\n          }\n        }\n      }\n    }\n  }\n": types.HistoryPageDocument,
    "\n  fragment BusinessCard on Business {\n    id\n    name\n    imageUrl\n    # Inline: the server's depth limit counts fragment spreads.\n    ordering {\n      open\n      reason\n      until\n    }\n    kitchen {\n      capacity\n      cooking\n      queueLength\n      prepTimeMs\n    }\n  }\n": types.BusinessCardFragmentDoc,
    "\n  query Businesses {\n    businesses {\n      ...BusinessCard\n    }\n  }\n": types.BusinessesDocument,
    "\n  query BusinessOrderingNow($businessId: ID!) {\n    business(id: $businessId) {\n      id\n      ordering {\n        open\n        reason\n        until\n      }\n    }\n  }\n": types.BusinessOrderingNowDocument,
    "\n  fragment MenuItemCard on MenuItem {\n    id\n    name\n    imageUrl\n    price\n    inStore\n  }\n": types.MenuItemCardFragmentDoc,
    "\n  query BusinessMenu($businessId: ID!) {\n    business(id: $businessId) {\n      ...BusinessCard\n    }\n    menu(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n": types.BusinessMenuDocument,
    "\n  subscription MenuUpdated($businessId: ID!) {\n    menuUpdated(businessId: $businessId) {\n      ...MenuItemCard\n    }\n  }\n": types.MenuUpdatedDocument,
    "\n  fragment CustomerOrder on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      unitPrice\n      total\n      note\n      menuItem {\n        id\n        name\n        imageUrl\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    business {\n      id\n      name\n      kitchen {\n        prepTimeMs\n      }\n    }\n    history {\n      at\n      from\n      to\n      actor\n      reason\n    }\n  }\n": types.CustomerOrderFragmentDoc,
    "\n  mutation PlaceOrder($lines: [OrderLineInput!]!, $note: String, $idempotencyKey: String) {\n    placeOrder(lines: $lines, note: $note, idempotencyKey: $idempotencyKey) {\n      ...CustomerOrder\n    }\n  }\n": types.PlaceOrderDocument,
    "\n  query MyLiveOrders {\n    pending: orders(state: PENDING, first: 50) {\n      ...CustomerOrder\n    }\n    accepted: orders(state: ACCEPTED, first: 50) {\n      ...CustomerOrder\n    }\n    processing: orders(state: PROCESSING, first: 50) {\n      ...CustomerOrder\n    }\n  }\n": types.MyLiveOrdersDocument,
    "\n  query MyOrderHistory($first: Int!, $after: String) {\n    orderHistory(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      # Inline, as a finished order's row needs it (no timeline or ETA): the depth limit counts\n      # fragment spreads.\n      edges {\n        node {\n          id\n          state\n          total\n          note\n          createdAt\n          updatedAt\n          lines {\n            quantity\n            note\n            menuItem {\n              id\n              name\n              imageUrl\n            }\n          }\n          business {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.MyOrderHistoryDocument,
    "\n  subscription MyOrderUpdated {\n    orderUpdated {\n      ...CustomerOrder\n    }\n  }\n": types.MyOrderUpdatedDocument,
    "\n  subscription TrackOrder($id: ID!) {\n    orderUpdated(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": types.TrackOrderDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": types.OrderDocument,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...CustomerOrder\n    }\n  }\n": types.CancelOrderDocument,
    "\n  query WebhookSettings($first: Int!) {\n    webhook {\n      url\n      failing\n      deliveries(first: $first) {\n        eventCursor\n        status\n        attempts\n        deliveredAt\n        nextAttemptAt\n      }\n    }\n  }\n": types.WebhookSettingsDocument,
    "\n  mutation SetWebhook($url: String!) {\n    setWebhook(url: $url) {\n      url\n      secret\n      failing\n    }\n  }\n": types.SetWebhookDocument,
    "\n  mutation RemoveWebhook {\n    removeWebhook\n  }\n": types.RemoveWebhookDocument,
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
export function graphql(source: "\n  query Board($todayStart: DateTime!) {\n    me {\n      ... on Business {\n        ...KitchenInfo\n        ordering {\n          open\n          reason\n          until\n        }\n        # The all-day strip's fields, inline: as a fragment they would pass the depth limit.\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    completedToday: orderHistory(state: COMPLETED, since: $todayStart, first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Board($todayStart: DateTime!) {\n    me {\n      ... on Business {\n        ...KitchenInfo\n        ordering {\n          open\n          reason\n          until\n        }\n        # The all-day strip's fields, inline: as a fragment they would pass the depth limit.\n        kitchen {\n          allDay {\n            quantity\n            menuItem {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    completedToday: orderHistory(state: COMPLETED, since: $todayStart, first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardColumn($state: OrderState!, $first: Int!) {\n    # No totalCount: counting every done order ever would grow with the history.\n    orderHistory(state: $state, first: $first) {\n      edges {\n        node {\n          id\n          state\n          nextActions\n          total\n          note\n          lines {\n            quantity\n            note\n            menuItem {\n              id\n              name\n            }\n          }\n          createdAt\n          updatedAt\n          acceptedAt\n          startedAt\n          completedAt\n          queuePosition\n          estimatedReadyAt\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardColumn($state: OrderState!, $first: Int!) {\n    # No totalCount: counting every done order ever would grow with the history.\n    orderHistory(state: $state, first: $first) {\n      edges {\n        node {\n          id\n          state\n          nextActions\n          total\n          note\n          lines {\n            quantity\n            note\n            menuItem {\n              id\n              name\n            }\n          }\n          createdAt\n          updatedAt\n          acceptedAt\n          startedAt\n          completedAt\n          queuePosition\n          estimatedReadyAt\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderingInfo on Business {\n    id\n    ordering {\n      open\n      reason\n      until\n    }\n  }\n"): (typeof documents)["\n  fragment OrderingInfo on Business {\n    id\n    ordering {\n      open\n      reason\n      until\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseOrders($reason: String, $until: DateTime) {\n    pauseOrders(reason: $reason, until: $until) {\n      ...OrderingInfo\n    }\n  }\n"): (typeof documents)["\n  mutation PauseOrders($reason: String, $until: DateTime) {\n    pauseOrders(reason: $reason, until: $until) {\n      ...OrderingInfo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeOrders {\n    resumeOrders {\n      ...OrderingInfo\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeOrders {\n    resumeOrders {\n      ...OrderingInfo\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation RejectOrder($id: ID!, $reason: String) {\n    rejectOrder(id: $id, reason: $reason) {\n      ...Ticket\n    }\n  }\n"): (typeof documents)["\n  mutation RejectOrder($id: ID!, $reason: String) {\n    rejectOrder(id: $id, reason: $reason) {\n      ...Ticket\n    }\n  }\n"];
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
export function graphql(source: "\n  query PendingOrders {\n    orderHistory(state: PENDING, first: 100) {\n      edges {\n        node {\n          id\n          lines {\n            quantity\n            menuItem {\n              name\n            }\n          }\n          customer {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingOrders {\n    orderHistory(state: PENDING, first: 100) {\n      edges {\n        node {\n          id\n          lines {\n            quantity\n            menuItem {\n              name\n            }\n          }\n          customer {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HistoryPage(\n    $first: Int!\n    $after: String\n    $state: OrderState\n    $since: DateTime\n    $until: DateTime\n    $search: String\n  ) {\n    orderHistory(\n      first: $first\n      after: $after\n      state: $state\n      since: $since\n      until: $until\n      search: $search\n    ) {\n      totalCount\n      totalAmount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          state\n          total\n          createdAt\n          customer {\n            name\n          }\n          lines {\n            quantity\n            menuItem {\n              name\n            }\n          }\n          history {\n            to\n            reason\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HistoryPage(\n    $first: Int!\n    $after: String\n    $state: OrderState\n    $since: DateTime\n    $until: DateTime\n    $search: String\n  ) {\n    orderHistory(\n      first: $first\n      after: $after\n      state: $state\n      since: $since\n      until: $until\n      search: $search\n    ) {\n      totalCount\n      totalAmount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          state\n          total\n          createdAt\n          customer {\n            name\n          }\n          lines {\n            quantity\n            menuItem {\n              name\n            }\n          }\n          history {\n            to\n            reason\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BusinessCard on Business {\n    id\n    name\n    imageUrl\n    # Inline: the server's depth limit counts fragment spreads.\n    ordering {\n      open\n      reason\n      until\n    }\n    kitchen {\n      capacity\n      cooking\n      queueLength\n      prepTimeMs\n    }\n  }\n"): (typeof documents)["\n  fragment BusinessCard on Business {\n    id\n    name\n    imageUrl\n    # Inline: the server's depth limit counts fragment spreads.\n    ordering {\n      open\n      reason\n      until\n    }\n    kitchen {\n      capacity\n      cooking\n      queueLength\n      prepTimeMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Businesses {\n    businesses {\n      ...BusinessCard\n    }\n  }\n"): (typeof documents)["\n  query Businesses {\n    businesses {\n      ...BusinessCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BusinessOrderingNow($businessId: ID!) {\n    business(id: $businessId) {\n      id\n      ordering {\n        open\n        reason\n        until\n      }\n    }\n  }\n"): (typeof documents)["\n  query BusinessOrderingNow($businessId: ID!) {\n    business(id: $businessId) {\n      id\n      ordering {\n        open\n        reason\n        until\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment CustomerOrder on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      unitPrice\n      total\n      note\n      menuItem {\n        id\n        name\n        imageUrl\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    business {\n      id\n      name\n      kitchen {\n        prepTimeMs\n      }\n    }\n    history {\n      at\n      from\n      to\n      actor\n      reason\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerOrder on Order {\n    id\n    state\n    nextActions\n    total\n    note\n    # Inline, not a fragment of their own: the server's depth limit counts fragment spreads.\n    lines {\n      quantity\n      unitPrice\n      total\n      note\n      menuItem {\n        id\n        name\n        imageUrl\n      }\n    }\n    createdAt\n    updatedAt\n    acceptedAt\n    startedAt\n    completedAt\n    queuePosition\n    estimatedReadyAt\n    business {\n      id\n      name\n      kitchen {\n        prepTimeMs\n      }\n    }\n    history {\n      at\n      from\n      to\n      actor\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceOrder($lines: [OrderLineInput!]!, $note: String, $idempotencyKey: String) {\n    placeOrder(lines: $lines, note: $note, idempotencyKey: $idempotencyKey) {\n      ...CustomerOrder\n    }\n  }\n"): (typeof documents)["\n  mutation PlaceOrder($lines: [OrderLineInput!]!, $note: String, $idempotencyKey: String) {\n    placeOrder(lines: $lines, note: $note, idempotencyKey: $idempotencyKey) {\n      ...CustomerOrder\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyLiveOrders {\n    pending: orders(state: PENDING, first: 50) {\n      ...CustomerOrder\n    }\n    accepted: orders(state: ACCEPTED, first: 50) {\n      ...CustomerOrder\n    }\n    processing: orders(state: PROCESSING, first: 50) {\n      ...CustomerOrder\n    }\n  }\n"): (typeof documents)["\n  query MyLiveOrders {\n    pending: orders(state: PENDING, first: 50) {\n      ...CustomerOrder\n    }\n    accepted: orders(state: ACCEPTED, first: 50) {\n      ...CustomerOrder\n    }\n    processing: orders(state: PROCESSING, first: 50) {\n      ...CustomerOrder\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrderHistory($first: Int!, $after: String) {\n    orderHistory(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      # Inline, as a finished order's row needs it (no timeline or ETA): the depth limit counts\n      # fragment spreads.\n      edges {\n        node {\n          id\n          state\n          total\n          note\n          createdAt\n          updatedAt\n          lines {\n            quantity\n            note\n            menuItem {\n              id\n              name\n              imageUrl\n            }\n          }\n          business {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyOrderHistory($first: Int!, $after: String) {\n    orderHistory(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      # Inline, as a finished order's row needs it (no timeline or ETA): the depth limit counts\n      # fragment spreads.\n      edges {\n        node {\n          id\n          state\n          total\n          note\n          createdAt\n          updatedAt\n          lines {\n            quantity\n            note\n            menuItem {\n              id\n              name\n              imageUrl\n            }\n          }\n          business {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookSettings($first: Int!) {\n    webhook {\n      url\n      failing\n      deliveries(first: $first) {\n        eventCursor\n        status\n        attempts\n        deliveredAt\n        nextAttemptAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookSettings($first: Int!) {\n    webhook {\n      url\n      failing\n      deliveries(first: $first) {\n        eventCursor\n        status\n        attempts\n        deliveredAt\n        nextAttemptAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhook($url: String!) {\n    setWebhook(url: $url) {\n      url\n      secret\n      failing\n    }\n  }\n"): (typeof documents)["\n  mutation SetWebhook($url: String!) {\n    setWebhook(url: $url) {\n      url\n      secret\n      failing\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWebhook {\n    removeWebhook\n  }\n"): (typeof documents)["\n  mutation RemoveWebhook {\n    removeWebhook\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;