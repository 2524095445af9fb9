import { createShutdown } from './shutdown';
import { startService } from './service-start';

/**
 * The service's process, entered from `src/start.cjs` (which holds signals while this loads).
 * `stopAsked`: a SIGINT or SIGTERM came during loading; the service then stops at its first step.
 */
export function run(stopAsked: boolean): void {
  const shutdown = createShutdown();
  if (stopAsked) shutdown.requestStop();
  startService(shutdown).catch((err) => shutdown.fail(err));
}
