// GET /readyz: whether this process should get traffic. It answers within a second whatever the
// database does, since a probe that hangs would keep a stuck process in a load balancer's rotation.
import { within } from './deadline.js';
import type { Bus, DependencyHealth } from './pubsub.js';
import type { Db } from './store/db.js';

export const READY_DEADLINE_MS = 800;

export interface Readiness {
  status: 'ready' | 'unavailable';
  database: 'up' | 'down';
  redis: DependencyHealth;
}

export async function checkReadiness(
  db: Pick<Db, 'ping'>,
  bus: Pick<Bus, 'health'>,
  draining: boolean,
): Promise<Readiness> {
  const database = (await within(db.ping(), READY_DEADLINE_MS, false)) ? 'up' : 'down';
  const redis = bus.health();
  // Redis down: logins and orders still work, but live updates could not cross processes, so a
  // balancer should prefer a process that has it (and, when none has, AWS ALB sends to all anyway).
  const ready = !draining && database === 'up' && redis !== 'down';
  return { status: ready ? 'ready' : 'unavailable', database, redis };
}
