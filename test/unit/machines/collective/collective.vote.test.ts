import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { contentHash } from '../../../../machines/collective/collective.context';
import { canonicalJson } from '../../../../machines/shared/canonical';
import { driver, toCongressReview, union } from './collective.fixtures';

/** CCP Art 36: quorum two thirds of all, approval more than half of all (or at least half). */
type Row = [label: string, body: string, total: number, present: number, yes: number, no: number, abstain: number, approval: string, expected: string];

const table: Row[] = [
  ['exactly two thirds present is quorate', 'workers_congress', 30, 20, 16, 4, 0, 'more_than_half', 'passed'],
  ['one short of two thirds has no quorum', 'workers_congress', 30, 19, 19, 0, 0, 'more_than_half', 'noQuorum'],
  ['two thirds of 31 needs 21 present', 'workers_congress', 31, 20, 20, 0, 0, 'more_than_half', 'noQuorum'],
  ['21 of 31 present is quorate', 'workers_congress', 31, 21, 16, 5, 0, 'more_than_half', 'passed'],
  ['exactly half yes fails under the strict reading', 'workers_congress', 30, 30, 15, 15, 0, 'more_than_half', 'rejected'],
  ['exactly half yes passes under at_least_half', 'workers_congress', 30, 30, 15, 15, 0, 'at_least_half', 'passed'],
  ['half plus one passes under the strict reading', 'workers_congress', 30, 30, 16, 14, 0, 'more_than_half', 'passed'],
  ['the denominator is all, not those present', 'workers_congress', 30, 20, 14, 6, 0, 'more_than_half', 'rejected'],
  ['all employees: 6 of 9 present, 5 yes passes', 'all_employees', 9, 6, 5, 1, 0, 'more_than_half', 'passed'],
  ['all employees: 4 of 9 yes fails either way', 'all_employees', 9, 9, 4, 5, 0, 'at_least_half', 'rejected'],
  ['all employees: 5 of 10 yes, strict', 'all_employees', 10, 7, 5, 2, 0, 'more_than_half', 'rejected'],
  ['all employees: 5 of 10 yes, at least half', 'all_employees', 10, 7, 5, 2, 0, 'at_least_half', 'passed'],
  ['yes + no + abstain may equal present', 'workers_congress', 30, 24, 16, 4, 4, 'more_than_half', 'passed'],
];

const nextState: Record<string, string> = { passed: 'signing', rejected: 'consulting', noQuorum: 'congressReview' };

describe('RECORD_VOTE boundary table', () => {
  test.each(table)('%s', (_label, body, total, present, yes, no, abstain, approval, expected) => {
    const d = toCongressReview(driver({ settings: { approval } }));
    d.do('RECORD_VOTE', { body, total, present, yes, no, abstain, method: 'secret_ballot', heldOn: '2026-02-02' }, union, '2026-02-02');
    expect(d.state).toBe(nextState[expected]);
    expect(d.ctx.votes).toHaveLength(1);
    expect(d.ctx.votes[0]).toMatchObject({ body, total, present, yes, no, abstain, result: expected, draftVersion: 1 });
    if (expected === 'passed') {
      const frozen = { version: 1, contentHash: contentHash(d.ctx.drafts[0].clauses) };
      expect(d.ctx.votes[0].frozenDraft).toEqual(frozen);
      expect(d.ctx.frozenDraft).toEqual(frozen);
    } else {
      expect(d.ctx.votes[0].frozenDraft).toBeUndefined();
      expect(d.ctx.frozenDraft).toBeNull();
    }
  });

  test.each([
    ['present > total', { total: 30, present: 31, yes: 20, no: 0, abstain: 0 }],
    ['yes + no + abstain > present', { total: 30, present: 25, yes: 20, no: 4, abstain: 2 }],
  ])('collective.vote.counts refuses %s (422, nothing recorded)', (_label, counts) => {
    const d = toCongressReview();
    const decision = d.try('RECORD_VOTE', { body: 'workers_congress', method: 'show_of_hands', heldOn: '2026-02-02', ...counts }, union);
    expect(decision).toMatchObject({ ok: false, refusal: { kind: 'rule', rule: 'collective.vote.counts' } });
    if (!decision.ok && decision.refusal.kind === 'rule') expect(decision.refusal.citation).toContain('Art 36');
    expect(d.state).toBe('congressReview');
    expect(d.ctx.votes).toHaveLength(0);
  });

  test('invalid ballots are recorded but the count rule is the spec\'s yes + no + abstain <= present', () => {
    const d = toCongressReview();
    const decision = d.try('RECORD_VOTE', { body: 'workers_congress', method: 'secret_ballot', heldOn: '2026-02-02', total: 30, present: 25, yes: 20, no: 3, abstain: 2, invalid: 1 }, union);
    expect(decision.ok).toBe(true);
  });

  test('every attempt is kept: no quorum, then passed', () => {
    const base = { body: 'workers_congress', total: 30, no: 0, abstain: 0, method: 'secret_ballot', heldOn: '2026-02-02' };
    const d = toCongressReview()
      .do('RECORD_VOTE', { ...base, present: 10, yes: 10 }, union)
      .do('RECORD_VOTE', { ...base, present: 28, yes: 25, presiding: '工会主席', itemized: true }, union);
    expect(d.ctx.votes.map((v) => v.result)).toEqual(['noQuorum', 'passed']);
    expect(d.ctx.votes[1]).toMatchObject({ presiding: '工会主席', itemized: true, method: 'secret_ballot', heldOn: '2026-02-02' });
    expect(d.state).toBe('signing');
  });
});

describe('frozen draft content hash', () => {
  test('canonical JSON sorts keys at every depth and matches RFC 8785 for draft clauses', () => {
    const value = { b: 1, a: [{ text: '工资', topic: 'pay', status: 'agreed', proposedBy: 'union' }], c: { z: null, y: true } };
    expect(canonicalJson(value)).toBe('{"a":[{"proposedBy":"union","status":"agreed","text":"工资","topic":"pay"}],"b":1,"c":{"y":true,"z":null}}');
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });
  test('the hash is SHA-256 of the canonical clauses, independent of key order', () => {
    const clauses = [{ topic: 'pay' as const, text: '月工资增长6%', status: 'agreed' as const, proposedBy: 'union' as const }];
    const reordered = [{ proposedBy: 'union' as const, status: 'agreed' as const, text: '月工资增长6%', topic: 'pay' as const }];
    const expected = createHash('sha256').update(canonicalize(clauses)!, 'utf8').digest('hex');
    expect(contentHash(clauses)).toBe(expected);
    expect(contentHash(reordered)).toBe(expected);
    expect(contentHash([{ ...clauses[0], text: '月工资增长7%' }])).not.toBe(expected);
  });
});
