import { href, parseHash, type Route } from '../lib/router';

class RouterState {
  route = $state<Route>(parseHash(window.location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseHash(window.location.hash);
    });
  }
}

export const router = new RouterState();

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const target = href(route);
  if (options.replace) {
    history.replaceState(history.state, '', target);
    router.route = parseHash(target);
  } else if (window.location.hash !== target) {
    window.location.hash = target;
  }
}
