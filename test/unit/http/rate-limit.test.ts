import { TokenBuckets } from '../../../src/http/rate-limit';

describe('token buckets', () => {
  it('allows a burst, then refills at the per-minute rate', () => {
    const buckets = new TokenBuckets(600, 5); // 10 per second, burst 5
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) expect(buckets.take('a', t0)).toBe(0);
    const wait = buckets.take('a', t0);
    expect(wait).toBe(100); // one token back after a tenth of a second
    expect(buckets.take('a', t0 + 100)).toBe(0);
    expect(buckets.take('b', t0)).toBe(0); // another token has its own bucket
  });

  it('is off at 0 per minute', () => {
    const buckets = new TokenBuckets(0, 1);
    for (let i = 0; i < 1000; i++) expect(buckets.take('a', 0)).toBe(0);
  });

  it('tells how long until a token is back without taking one, and remembers nothing for a key never used', () => {
    const buckets = new TokenBuckets(60, 2); // 1 per second, burst 2
    expect(buckets.wait('a', 0)).toBe(0);
    expect(buckets.size).toBe(0);
    buckets.take('a', 0);
    buckets.take('a', 0);
    expect(buckets.wait('a', 0)).toBe(1000);
    expect(buckets.wait('a', 0)).toBe(1000); // waiting took nothing
    expect(buckets.wait('a', 1000)).toBe(0);
  });

  it('keeps at most maxKeys buckets, dropping the least recently used', () => {
    const buckets = new TokenBuckets(60, 1, 2);
    buckets.take('a', 0);
    buckets.take('b', 0);
    buckets.wait('a', 0); // a used again: b is now the least recent
    buckets.take('c', 0);
    expect(buckets.size).toBe(2);
    expect(buckets.wait('a', 0)).toBe(1000); // still empty: kept
    expect(buckets.wait('c', 0)).toBe(1000);
    expect(buckets.wait('b', 0)).toBe(0); // dropped: forgotten
  });
});
