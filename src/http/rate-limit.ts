/**
 * Token buckets by key: `perMinute` sustained, `burst` at once (api.md: 6000/min, burst 200 per
 * token; audit.md T7: failed authentications per client address). In memory, per process: a limit
 * to protect one instance, not a quota. At most `maxKeys` buckets are kept, the least recently used
 * dropped first, so a flood of distinct keys (addresses, guessed tokens) cannot exhaust memory.
 */
export class TokenBuckets {
  // A Map iterates in insertion order: re-inserting on every use keeps the least recent first.
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one token; returns 0 when allowed, else the milliseconds until one is available. */
  take(key: string, nowMs: number): number {
    if (this.perMinute <= 0) return 0;
    const bucket = this.refilled(key, nowMs) ?? { tokens: this.burst, at: nowMs };
    this.touch(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.untilOne(bucket);
  }

  /** The milliseconds until the bucket holds a token again (0: it holds one now); takes nothing. */
  wait(key: string, nowMs: number): number {
    if (this.perMinute <= 0) return 0;
    const bucket = this.refilled(key, nowMs);
    if (!bucket) return 0; // never used: full, and not worth remembering
    this.touch(key, bucket);
    return bucket.tokens >= 1 ? 0 : this.untilOne(bucket);
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, nowMs: number) {
    const bucket = this.buckets.get(key);
    if (!bucket) return undefined;
    bucket.tokens = Math.min(this.burst, bucket.tokens + Math.max(0, nowMs - bucket.at) * this.ratePerMs());
    bucket.at = nowMs;
    return bucket;
  }

  private touch(key: string, bucket: { tokens: number; at: number }) {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
  }

  private untilOne(bucket: { tokens: number }) {
    return Math.ceil((1 - bucket.tokens) / this.ratePerMs());
  }

  private ratePerMs() {
    return this.perMinute / 60000;
  }
}
