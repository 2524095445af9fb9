import type { CommandDeps } from '../services/case-commands';
import type { DeadlineService } from '../services/deadlines.service';

/**
 * What the HTTP app is built from. Its own module, so that routes can name it without importing
 * `app.ts`, which imports the routes.
 */
export interface AppDeps extends CommandDeps {
  deadlines: DeadlineService;
  rateLimitPerMinute: number;
  /** audit.md T7: failed authentications per client address per minute (burst the same); 0: off. Default 60. */
  authFailuresPerMinute?: number;
  /** audit.md §1 TRUST_PROXY: Express's `trust proxy` as text; unset: the client is the TCP peer. */
  trustProxy?: string;
  /** audit.md S5: the demo's fixed tokens authenticate only when this is true. Default false. */
  demoMode?: boolean;
}
