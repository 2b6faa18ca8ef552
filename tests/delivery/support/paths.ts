// Repository paths the delivery tests read.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const infraDir = join(repoRoot, 'infra');
export const ansibleDir = join(repoRoot, 'ansible');
export const workflowsDir = join(repoRoot, '.github', 'workflows');
