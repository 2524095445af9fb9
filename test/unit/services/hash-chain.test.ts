import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../machines/shared/canonical';
import { eventHash, GENESIS_HASH, sha256Hex, type ChainedFields } from '../../../src/services/hash-chain';

const fields: ChainedFields = {
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
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(canonicalJson(fields)).toBe(canonical);
    expect(eventHash(fields)).toBe(createHash('sha256').update(canonical).digest('hex'));
    const reordered = { ...fields, payload: { a: ['x', { c: 1, d: 2 }], b: 1 } };
    expect(eventHash(reordered)).toBe(eventHash(fields));
  });

  // One change per hashed field of architecture.md: an edit to any column breaks the chain.
  const changes: { [K in keyof ChainedFields]: ChainedFields[K] } = {
    caseId: '6f1c2a34-0000-4000-8000-000000000002',
    seq: 2,
    type: 'ACCEPT',
    payload: { b: 2, a: ['x', { d: 2, c: 1 }] },
    actor: { role: 'mediator', id: 'u2' },
    occurredAt: '2026-11-01T02:00:00.001Z',
    fromState: 'mediation.awaitingAcceptance',
    toState: 'closed',
    prevHash: 'f'.repeat(64),
  };

  it('covers exactly the hashed fields of the history row', () => {
    expect(Object.keys(JSON.parse(canonicalJson(fields)))).toEqual(['actor', 'caseId', 'fromState', 'occurredAt', 'payload', 'prevHash', 'seq', 'toState', 'type']);
    expect(Object.keys(changes).sort()).toEqual(Object.keys(fields).sort());
  });

  it.each(Object.keys(changes) as Array<keyof ChainedFields>)('changes when %s changes', (field) => {
    expect(eventHash({ ...fields, [field]: changes[field] })).not.toBe(eventHash(fields));
  });

  it('hashes bytes and text to lower-case hex SHA-256', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(Buffer.from('abc'))).toBe(sha256Hex('abc'));
  });
});
