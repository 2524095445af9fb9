import { TokenBuckets } from '../../../src/http/rate-limit';

describe('per-token rate limit', () => {
  it('allows a burst, then refills at the per-minute rate', () => {
    const buckets = new TokenBuckets(600, 5); // 10 per second, burst 5
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) expect(buckets.take('a', t0)).toBe(0);
    const wait = buckets.take('a', t0);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(100);
    expect(buckets.take('a', t0 + 100)).toBe(0);
    expect(buckets.take('b', t0)).toBe(0); // another token has its own bucket
  });

  it('is off at 0 per minute', () => {
    const buckets = new TokenBuckets(0, 1);
    for (let i = 0; i < 1000; i++) expect(buckets.take('a', 0)).toBe(0);
  });
});
