import type { Server } from 'node:http';
import { StartupRefusal } from './startup-refusal';

/** Longest wait for requests in flight and a running sweep before the database is closed anyway. */
const DRAIN_MS = 10000;

export interface Shutdown {
  /** Runs one start-up step; a stop asked for meanwhile takes effect once it has ended. */
  step<T>(run: () => Promise<T>): Promise<T>;
  /** What closes the database (and releases the data folder's lock). */
  closeWith(close: () => Promise<void>): void;
  /** The service is up: a signal now drains the server and the sweeper, then closes. */
  serving(server: Server, sweeper: { stop(): Promise<void> }): void;
  /** As a signal does (one that arrived before this process could install its handlers). */
  requestStop(): void;
  /** Closes what is open, prints one line, exits 1. */
  fail(err: unknown): Promise<never>;
}

/**
 * The process's one exit path (audit.md D3): SIGINT and SIGTERM from the first moment, a clean
 * close of the database (PGlite checkpoints) on every stop, a second signal never cutting the
 * close short, and an unexpected error closing the database the same way before exit status 1.
 */
export function createShutdown(): Shutdown {
  let requested = false;
  let server: Server | undefined;
  let sweeper: { stop(): Promise<void> } | undefined;
  let closeDb: (() => Promise<void>) | undefined;
  let exiting: Promise<never> | undefined;

  const exit = (code: number, line?: string): Promise<never> =>
    (exiting ??= (async () => {
      if (line) console.error(line);
      try {
        await withinDrainTime(async () => {
          if (server) await closeServer(server);
          await sweeper?.stop();
        });
        await closeDb?.();
      } catch (err) {
        console.error(`while closing: ${oneLine(err)}`);
        code = code || 1;
      }
      process.exit(code);
    })());

  const onSignal = () => {
    if (requested) return; // a second signal does not cut the close short
    requested = true;
    if (server) void exit(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('uncaughtException', (err) => void exit(1, describe(err)));
  process.on('unhandledRejection', (err) => void exit(1, describe(err)));

  return {
    async step(run) {
      const result = await run();
      if (requested) await exit(0);
      return result;
    },
    closeWith(close) {
      closeDb = close;
    },
    serving(s, sw) {
      server = s;
      sweeper = sw;
      if (requested) void exit(0);
    },
    requestStop: onSignal,
    fail: (err) => exit(1, describe(err)),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive sockets would hold the close open; requests in flight finish first.
    server.closeIdleConnections();
  });
}

async function withinDrainTime(drain: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_MS)));
  await Promise.race([drain(), timeout]);
  clearTimeout(timer);
}

/** Errors an operator can act on are their one line; anything else also says it was unexpected. */
function describe(err: unknown): string {
  if (typeof err === 'string') return err;
  if (err instanceof StartupRefusal) return err.message;
  return `unexpected error, service stopped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}
