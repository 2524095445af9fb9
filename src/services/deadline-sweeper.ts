import { casesWithElapsedDeadlines } from '../repositories/deadlines.repository';
import { purgeExpired } from '../repositories/idempotency.repository';
import { CaseWriter, type CommandOutcome } from './case-writer';
import { IntegrityFailure } from './errors';
import type { DeadlineService } from './deadlines.service';
import type { ServiceDeps } from './deps';

export interface SweepDeps extends ServiceDeps {
  deadlines: DeadlineService;
}

const BATCH = 100;

/**
 * Fires every deadline elapsed by now, exactly once whatever the number of processes: candidates
 * are read without locks, then each case is taken with the command loop's own row lock, and its
 * deadlines are re-read and fired under that lock, one transaction per case. The background
 * sweeper skips cases another instance holds (`SKIP LOCKED`: instances spread the work instead of
 * queueing); `wait: true` (the admin's synchronous sweep) waits for them, so that when it answers
 * every deadline elapsed by then is recorded.
 */
export async function sweepOnce(deps: SweepDeps, opts: { wait?: boolean } = {}): Promise<number> {
  let fired = 0;
  const skipped = new Set<string>();
  for (;;) {
    const now = deps.clock();
    const candidates = (await casesWithElapsedDeadlines(deps.db, now, BATCH + skipped.size)).filter((id) => !skipped.has(id));
    if (candidates.length === 0) return fired;
    for (const caseId of candidates) {
      const result = await fireCase(deps, caseId, now, opts)
        .then((outcome) => outcome && outcome.appended.filter((e) => e.type === 'DEADLINE_ELAPSED').length)
        .catch((err) => {
          // A case whose head is doubtful (audit.md H3) stays as it is and is named on every
          // sweep until an operator resolves it; the other cases' deadlines still fire.
          if (!(err instanceof IntegrityFailure)) throw err;
          console.error(`deadline sweep skipped case ${caseId}: ${err.message}`, err.extra);
          return undefined;
        });
      if (result === undefined) skipped.add(caseId);
      else fired += result;
    }
    if (candidates.every((id) => skipped.has(id))) return fired;
  }
}

/**
 * Fires the case's deadlines elapsed by `now`, under the command loop's row lock, in one
 * transaction: the outcome, or undefined when another instance (or a command) holds the case
 * and fires them itself (skipped unless `wait`).
 */
export async function fireCase(deps: SweepDeps, caseId: string, now: Date, opts: { wait?: boolean } = {}): Promise<CommandOutcome | undefined> {
  return deps.db.transaction(async (trx) => {
    const writer = await CaseWriter.lock(trx, caseId, deps.deadlines, { skipLocked: !opts.wait });
    if (!writer) return undefined;
    await writer.fireElapsed(now, now);
    return writer.flush(now);
  });
}

/**
 * Sweeps at start (deadlines that passed while the service was down) and every interval; the same
 * tick re-reads calendar overrides and forgets idempotent responses older than 24 hours.
 */
export function startSweeper(deps: SweepDeps, intervalMs: number, report: (fired: number) => void): { stop(): Promise<void> } {
  if (intervalMs <= 0) return { stop: async () => undefined };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await deps.deadlines.loadCalendar(deps.db);
      report(await sweepOnce(deps));
      await purgeExpired(deps.db, deps.clock());
    } catch (err) {
      console.error('deadline sweep failed:', err instanceof Error ? err.message : err);
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), intervalMs);
  };
  running = tick();
  return {
    /** Stops the timer and resolves once a sweep in progress has finished. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
