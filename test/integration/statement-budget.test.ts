import { auth } from './support/harness';
import { daysAgo, disputeWorld, openDispute, send, type DisputeWorld } from './support/world';

/**
 * architecture.md "The command returns its outcome": one event is at most 8 statements. Each
 * count is also pinned exactly, so that a statement creeping back in shows here even while the
 * total stays within the budget.
 */
const BUDGET = 8;

let w: DisputeWorld;
beforeAll(async () => {
  w = await disputeWorld();
});
afterAll(() => w.close());

interface Counted {
  /** Every statement the operation sent, authentication and visibility reads included. */
  total: number;
  /** The statements of the (first) transaction, BEGIN and COMMIT included. */
  inTransaction: number;
  /** Statements per transaction, keyed by the case id its first statement after BEGIN names. */
  byCase: Map<string, number>;
  sql: string[];
}

/** Counts the statements knex sends while `run` runs (knex's 'query' event, one per statement). */
async function counting(run: () => Promise<unknown>): Promise<Counted> {
  const seen: { sql: string; trx?: string; bindings: unknown[] }[] = [];
  const listener = (q: { sql: string; bindings?: unknown[]; __knexTxId?: string }) => seen.push({ sql: q.sql, trx: q.__knexTxId, bindings: q.bindings ?? [] });
  w.db.on('query', listener);
  try {
    await run();
  } finally {
    w.db.removeListener('query', listener);
  }
  const transactions = new Map<string, typeof seen>();
  for (const s of seen.filter((x) => x.trx)) transactions.set(s.trx!, [...(transactions.get(s.trx!) ?? []), s]);
  const byCase = new Map([...transactions.values()].map((t) => [String(t[1]?.bindings[0]), t.length]));
  const first = [...transactions.values()][0] ?? [];
  return { total: seen.length, inTransaction: first.length, byCase, sql: seen.map((s) => s.sql.replace(/\s+/g, ' ').slice(0, 140)) };
}

const show = (label: string, c: Counted) => console.log(`${label}: ${c.inTransaction} in the transaction, ${c.total} in all\n  ${c.sql.join('\n  ')}`);

describe('statements per event (architecture.md budget: at most 8)', () => {
  it('ACCEPT and RECORD_SESSION with an Idempotency-Key, over HTTP', async () => {
    const c = await openDispute(w);
    const m = w.users.mediator.token;
    let status = 0;
    const accept = await counting(async () => {
      status = (await send(w, c.id, { type: 'ACCEPT', respondentConsent: true }, m, { 'Idempotency-Key': `a-${c.id}` })).status;
    });
    expect(status).toBe(200);
    const session = await counting(async () => {
      const body = { type: 'RECORD_SESSION', heldOn: daysAgo(1), attendees: ['张伟', '公司代表'], summary: '双方陈述意见' };
      status = (await send(w, c.id, body, m, { 'Idempotency-Key': `s-${c.id}`, 'If-Match': '"2"' })).status;
    });
    expect(status).toBe(200);
    show('ACCEPT', accept);
    show('RECORD_SESSION', session);
    expect(accept.inTransaction).toBeLessThanOrEqual(BUDGET);
    expect(session.inTransaction).toBeLessThanOrEqual(BUDGET);
    expect({ accept: accept.inTransaction, session: session.inTransaction }).toEqual({ accept: EXPECTED.accept, session: EXPECTED.session });
    expect({ accept: accept.total, session: session.total }).toEqual({ accept: EXPECTED.acceptTotal, session: EXPECTED.sessionTotal });
  });

  it('deadline firings in the sweep, one transaction per case', async () => {
    // Accepted 28 days ago: the mediation term has run out, so the sweep fires it.
    const late = await openDispute(w, { receivedOn: daysAgo(29), knewOn: daysAgo(40) });
    const accepted = await send(w, late.id, { type: 'ACCEPT', respondentConsent: true, occurredAt: `${daysAgo(28)}T10:00:00+08:00` }, w.users.mediator.token);
    expect(accepted.status).toBe(200);
    let fired = 0;
    const sweep = await counting(async () => {
      fired = (await w.http().post('/api/v1/admin/deadlines/sweep').set(auth(w.adminToken))).body.fired;
    });
    show('sweep', sweep);
    expect(fired).toBeGreaterThanOrEqual(1);
    for (const [caseId, n] of sweep.byCase) expect({ caseId, n, within: n <= BUDGET }).toEqual({ caseId, n, within: true });
    const history = (await w.http().get(`/api/v1/cases/${late.id}/history`).set(auth(w.adminToken))).body.items as { type: string }[];
    const firings = history.filter((e) => e.type === 'DEADLINE_ELAPSED').length;
    // Every firing of the case in one statement each for events, deadlines and the row.
    expect({ firings, statements: sweep.byCase.get(late.id) }).toEqual({ firings: EXPECTED.lateFirings, statements: EXPECTED.sweep });
  });
});

/** The counts reached; lower them when a statement goes, never raise them past the budget. */
const EXPECTED = { accept: 7, session: 6, acceptTotal: 10, sessionTotal: 9, sweep: 6, lateFirings: 2 };
