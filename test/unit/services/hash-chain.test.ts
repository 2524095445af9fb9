import { createHash } from 'node:crypto';
import { canonicalJson, eventHash, GENESIS_HASH } from '../../../src/services/hash-chain';

const fields = {
  caseId: '6f1c2a34-0000-4000-8000-000000000001',
  seq: 1,
  type: 'CASE_OPENED',
  payload: { b: 1, a: ['x', { d: 2, c: 1 }] },
  actor: { role: 'mediator', id: 'u1' },
  occurredAt: '2026-11-01T02:00:00.000Z',
  fromState: null,
  toState: 'mediation.awaitingAcceptance',
  prevHash: GENESIS_HASH,
};

describe('the hash chain', () => {
  it('hashes the RFC 8785 canonical JSON with SHA-256, whatever the key order', () => {
    const canonical =
      '{"actor":{"id":"u1","role":"mediator"},"caseId":"6f1c2a34-0000-4000-8000-000000000001","fromState":null,"occurredAt":"2026-11-01T02:00:00.000Z","payload":{"a":["x",{"c":1,"d":2}],"b":1},"prevHash":"' +
      '0'.repeat(64) + '","seq":1,"toState":"mediation.awaitingAcceptance","type":"CASE_OPENED"}';
    expect(canonicalJson(fields)).toBe(canonical);
    expect(eventHash(fields)).toBe(createHash('sha256').update(canonical).digest('hex'));
    const reordered = { ...fields, payload: { a: ['x', { c: 1, d: 2 }], b: 1 } };
    expect(eventHash(reordered)).toBe(eventHash(fields));
  });

  it('changes when any hashed field changes', () => {
    const base = eventHash(fields);
    for (const change of [{ seq: 2 }, { type: 'X' }, { payload: { b: 2 } }, { occurredAt: '2026-11-01T02:00:00.001Z' }, { prevHash: 'f'.repeat(64) }, { toState: 'closed' }]) {
      expect(eventHash({ ...fields, ...change })).not.toBe(base);
    }
  });
});
