import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { BenchDb } from './bench-db';

// Figures are printed by rounds.bench.ts, which interleaves this with the engine's own paths.

/**
 * The database's own limit for one event, the figure the command loop is judged against: in one
 * transaction lock the case row, update it, append one event row, on tables shaped like
 * `cases`/`case_events` (bench_cases/bench_case_events, created here, same column types and
 * keys) and with rows of the same size as the engine's. No service code, no knex on PostgreSQL
 * (node-postgres, one pool); on PGlite, knex raw on the one engine (there is no other driver).
 */
export interface Baseline {
  driver: string;
  /** `n` events, one at a time, spread over 20 cases; seconds taken. */
  sequential(n: number): Promise<number>;
  /** `clients` concurrent clients, each on its own case, `perClient` events each; seconds taken. */
  concurrent(perClient: number): Promise<number>;
  close(): Promise<void>;
}

const DDL = [
  `CREATE TABLE IF NOT EXISTS bench_cases (
     id uuid PRIMARY KEY, kind text NOT NULL, state text NOT NULL, status text NOT NULL, version integer NOT NULL,
     snapshot jsonb NOT NULL, participants uuid[] NOT NULL, title text NOT NULL, search_text text NOT NULL,
     updated_at timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS bench_case_events (
     case_id uuid NOT NULL REFERENCES bench_cases(id), seq integer NOT NULL, type text NOT NULL, payload jsonb NOT NULL,
     actor jsonb NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, from_state text,
     to_state text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL, PRIMARY KEY (case_id, seq))`,
];

// About the size of a dispute case's snapshot after a few sessions (~2 KB of JSON).
const snapshotOf = (version: number) =>
  JSON.stringify({
    status: 'active', value: { mediation: 'inSession' }, historyValue: {},
    context: {
      route: 'mediation', channel: 'walk_in', receivedOn: '2026-12-01', applicant: { name: '张伟', idNumber: '110105199003071238', phone: '13800000000' },
      respondent: { name: '某某科技有限公司', legalRepresentative: '李建国', unifiedCode: '91110105MA00000000' },
      claims: [{ type: 'overtime_pay', amount: '1000.00', description: '加班费'.repeat(10) }],
      facts: '基准测试事实陈述'.repeat(20),
      sessions: Array.from({ length: Math.min(version, 8) }, (_, i) => ({ heldOn: '2026-12-01', attendees: ['张伟', '李建国'], summary: `第${i}次调解` })),
      version,
    },
  });

export async function prepareBaseline(bench: BenchDb, clients: number): Promise<Baseline> {
  const participants = [randomUUID(), randomUUID()];
  let run: <T>(fn: (q: (sql: string, params: unknown[]) => Promise<{ rows: any[] }>) => Promise<T>) => Promise<T>;
  let close = async () => undefined as void;
  if (bench.url) {
    const pool = new pg.Pool({ connectionString: bench.url, max: clients });
    run = async (fn) => {
      const client = await pool.connect();
      try {
        return await fn((sql, params) => client.query(sql, params as any[]));
      } finally {
        client.release();
      }
    };
    close = () => pool.end();
  } else {
    // PGlite: one engine, so "clients" queue on it; knex hands out its single connection in turn.
    run = (fn) => bench.db.transaction((trx) => fn(async (sql, params) => {
      // knex.raw takes `?` in order of appearance; the SQL here numbers its parameters.
      const ordered: unknown[] = [];
      const text = sql.replace(/\$(\d+)/g, (_m, k) => (ordered.push(params[Number(k) - 1]), '?'));
      return trx.raw(text, ordered as any[]) as any;
    })) as any;
  }
  await run(async (q) => {
    for (const ddl of DDL) await q(ddl, []);
    return undefined;
  });
  const newCase = async () => {
    const id = randomUUID();
    await run((q) => q(`INSERT INTO bench_cases (id, kind, state, status, version, snapshot, participants, title, search_text, updated_at) VALUES ($1, 'dispute', 'mediation.inSession', 'open', 0, $2, $3, '张伟 / 某某科技有限公司', '劳调〔2026〕第00001号 张伟 某某科技有限公司', now())`, [id, snapshotOf(0), participants]));
    return id;
  };

  const oneEvent = async (caseId: string, i: number) => {
    const tx = async (q: (sql: string, params: unknown[]) => Promise<{ rows: any[] }>) => {
      const locked = (await q('SELECT id, version, state, snapshot FROM bench_cases WHERE id = $1 FOR UPDATE', [caseId])).rows[0];
      const seq = locked.version + 1;
      const payload = JSON.stringify({ heldOn: '2026-12-01', attendees: ['张伟'], summary: `第${i}次` });
      const hash = createHash('sha256').update(`${caseId}${seq}${payload}`).digest('hex');
      await q('UPDATE bench_cases SET version = $2, snapshot = $3, updated_at = now() WHERE id = $1', [caseId, seq, snapshotOf(seq)]);
      await q(
        `INSERT INTO bench_case_events (case_id, seq, type, payload, actor, occurred_at, recorded_at, from_state, to_state, prev_hash, hash)
         VALUES ($1, $2, 'RECORD_SESSION', $3, $4, now(), now(), 'mediation.inSession', 'mediation.inSession', $5, $6)`,
        [caseId, seq, payload, JSON.stringify({ id: participants[0], role: 'mediator' }), '0'.repeat(64), hash],
      );
    };
    if (bench.url) {
      await run(async (q) => {
        await q('BEGIN', []);
        try {
          await tx(q);
          await q('COMMIT', []);
        } catch (err) {
          await q('ROLLBACK', []);
          throw err;
        }
      });
    } else {
      await run(tx);
    }
  };

  // Sequential: the same shape as the HTTP run (a few cases, events spread over them).
  const seqCases = await Promise.all(Array.from({ length: 20 }, newCase));
  const clientCases = await Promise.all(Array.from({ length: clients }, newCase));
  let k = 0;
  for (let i = 0; i < 50; i++) await oneEvent(seqCases[i % seqCases.length], k++); // warm-up
  return {
    driver: bench.url ? 'node-postgres' : 'knex raw on PGlite',
    async sequential(n) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await oneEvent(seqCases[i % seqCases.length], k++);
      return (performance.now() - t0) / 1000;
    },
    async concurrent(perClient) {
      const t0 = performance.now();
      await Promise.all(clientCases.map(async (caseId) => {
        for (let i = 0; i < perClient; i++) await oneEvent(caseId, k++);
      }));
      return (performance.now() - t0) / 1000;
    },
    close,
  };
}
