import pg from 'pg';
import { createDb, migrateLatest, type Db } from '../src/db/knex';

/**
 * The bench's own database: on PostgreSQL a throwaway `lce_bench_<pid>` created on the server
 * that DATABASE_URL names and dropped at the end (nothing else on the server is touched); on
 * PGlite an in-memory engine.
 */
export interface BenchDb {
  db: Db;
  /** Connection string of the throwaway database (PostgreSQL only). */
  url?: string;
  name: string;
  backend: 'PostgreSQL' | 'PGlite';
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function openBenchDb(): Promise<BenchDb> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const db = createDb({ pgliteDir: 'memory' });
    await migrateLatest(db);
    return { db, name: 'PGlite (in memory)', backend: 'PGlite', drop: () => db.destroy() };
  }
  const name = `lce_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(base, name);
  const db = createDb({ databaseUrl: url });
  await migrateLatest(db);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await db.destroy().catch(() => undefined);
    if (process.env.BENCH_KEEP === '1') {
      console.log(`kept the bench database ${name} (BENCH_KEEP=1): drop it with DROP DATABASE ${name} WITH (FORCE)`);
      return;
    }
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  return { db, url, name: `PostgreSQL ${name} (throwaway, on ${new URL(base).host})`, backend: 'PostgreSQL', drop };
}

/** Sorted-sample percentile (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function latencyLine(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms, p99 ${percentile(s, 99).toFixed(1)} ms`;
}

export const envInt = (name: string, fallback: number): number => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, not ${JSON.stringify(v)}`);
  return n;
};
