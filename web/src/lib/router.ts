// Hash routes (#/orders/42): the server needs no fallback rules and reloads keep the screen.
import type { Role } from '../gql/graphql';

export type Route =
  | { name: 'login' }
  | { name: 'businesses' }
  | { name: 'menu'; businessId: string }
  | { name: 'orders' }
  | { name: 'order'; orderId: string }
  | { name: 'board' }
  | { name: 'menuEditor' }
  | { name: 'history' }
  | { name: 'settings' }
  | { name: 'notFound'; path: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { name: 'notFound', path };
  if (first === undefined) return { name: 'businesses' };
  switch (first) {
    case 'login':
      return second === undefined ? { name: 'login' } : { name: 'notFound', path };
    case 'businesses':
      return second === undefined ? { name: 'businesses' } : { name: 'menu', businessId: second };
    case 'orders':
      return second === undefined ? { name: 'orders' } : { name: 'order', orderId: second };
    case 'board':
      return second === undefined ? { name: 'board' } : { name: 'notFound', path };
    case 'menu':
      return second === undefined ? { name: 'menuEditor' } : { name: 'notFound', path };
    case 'history':
      return second === undefined ? { name: 'history' } : { name: 'notFound', path };
    case 'settings':
      return second === undefined ? { name: 'settings' } : { name: 'notFound', path };
    default:
      return { name: 'notFound', path };
  }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'login':
      return '#/login';
    case 'businesses':
      return '#/businesses';
    case 'menu':
      return `#/businesses/${encodeURIComponent(route.businessId)}`;
    case 'orders':
      return '#/orders';
    case 'order':
      return `#/orders/${encodeURIComponent(route.orderId)}`;
    case 'board':
      return '#/board';
    case 'menuEditor':
      return '#/menu';
    case 'history':
      return '#/history';
    case 'settings':
      return '#/settings';
    case 'notFound':
      return `#${route.path}`;
  }
}

export function homeFor(role: Role | null): Route {
  if (role === 'BUSINESS') return { name: 'board' };
  if (role === 'USER') return { name: 'businesses' };
  return { name: 'login' };
}

const customerRoutes = new Set<Route['name']>(['businesses', 'menu', 'orders', 'order']);
const businessRoutes = new Set<Route['name']>(['board', 'menuEditor', 'history', 'settings']);

/** Where a person may actually go: login when logged out, their home when the route is another role's. */
export function resolveRoute(route: Route, role: Role | null): Route {
  if (route.name === 'notFound') return route;
  if (role === null) return { name: 'login' };
  if (route.name === 'login') return homeFor(role);
  if (role === 'USER' && businessRoutes.has(route.name)) return homeFor(role);
  if (role === 'BUSINESS' && customerRoutes.has(route.name)) return homeFor(role);
  return route;
}

/** The tab title of each screen. */
export function pageTitle(route: Route): string {
  switch (route.name) {
    case 'login':
      return 'Log in · Orderly';
    case 'businesses':
      return 'Restaurants · Orderly';
    case 'menu':
      return 'Menu · Orderly';
    case 'orders':
      return 'My orders · Orderly';
    case 'order':
      return 'Your order · Orderly';
    case 'board':
      return 'Board · Orderly';
    case 'menuEditor':
      return 'Menu & stock · Orderly';
    case 'history':
      return 'History · Orderly';
    case 'settings':
      return 'Integrations · Orderly';
    case 'notFound':
      return 'Not found · Orderly';
  }
}
