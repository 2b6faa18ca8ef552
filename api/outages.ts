// A dependency's outage is logged once when it starts and once when it ends, however many calls
// fail or succeed in between, so that an outage reads as two lines rather than thousands.
import type { Logger } from './logger.js';

export interface DependencyWatch {
  readonly up: boolean;
  /** A call failed because the dependency is away; `detail` is logged with the first one. */
  failed(error: unknown, detail?: Record<string, unknown>): void;
  /** A call succeeded; `detail` is logged with the first one after an outage. */
  succeeded(detail?: Record<string, unknown>): void;
}

export function watchDependency(name: string, log: Logger | undefined): DependencyWatch {
  let downSince: number | null = null;
  return {
    get up() {
      return downSince === null;
    },
    failed(error, detail = {}) {
      if (downSince !== null) return;
      downSince = Date.now();
      log?.warn({ dependency: name, err: error, ...detail }, `${name} unavailable`);
    },
    succeeded(detail = {}) {
      if (downSince === null) return;
      const ms = Date.now() - downSince;
      downSince = null;
      log?.info({ dependency: name, ms, ...detail }, `${name} available again`);
    },
  };
}
