import { loadEnv } from '../../../src/config/env';

describe('configuration from the environment', () => {
  it('defaults to the embedded database with the demo on', () => {
    expect(loadEnv({})).toMatchObject({ PORT: 3000, DEMO: true, DEADLINE_SWEEP_INTERVAL_MS: 60000, RATE_LIMIT_PER_MINUTE: 6000, PGLITE_DIR: './data' });
  });

  it('turns the demo off by default when DATABASE_URL is set, unless asked', () => {
    expect(loadEnv({ DATABASE_URL: 'postgres://x@y/z' }).DEMO).toBe(false);
    expect(loadEnv({ DATABASE_URL: 'postgres://x@y/z', DEMO: '1' }).DEMO).toBe(true);
  });

  it('limits failed authentications to 60 a minute by default and trusts no proxy unless told (audit.md §1)', () => {
    expect(loadEnv({}).AUTH_FAILURES_PER_MINUTE).toBe(60);
    expect(loadEnv({}).TRUST_PROXY).toBeUndefined();
    expect(loadEnv({ AUTH_FAILURES_PER_MINUTE: '0' }).AUTH_FAILURES_PER_MINUTE).toBe(0);
    for (const value of ['true', 'false', '1', 'loopback', 'loopback, 10.0.0.0/8', '192.168.1.1, fc00::/7', '10.0.0.0/255.0.0.0']) {
      expect(loadEnv({ TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
    }
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DEADLINE_SWEEP_INTERVAL_MS: '-5' }, /DEADLINE_SWEEP_INTERVAL_MS/],
    [{ DEMO: 'yes' }, /DEMO/],
    [{ BOOTSTRAP_ADMIN_TOKEN: 'short' }, /BOOTSTRAP_ADMIN_TOKEN/],
    [{ DATABASE_URL: 'localhost:5432' }, /DATABASE_URL/],
    [{ DEADLINE_SWEEP_INTERVAL_MS: '3000000000' }, /DEADLINE_SWEEP_INTERVAL_MS/],
    [{ AUTH_FAILURES_PER_MINUTE: '-1' }, /AUTH_FAILURES_PER_MINUTE/],
    [{ AUTH_FAILURES_PER_MINUTE: 'lots' }, /AUTH_FAILURES_PER_MINUTE/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY/],
  ])('a bad value %j stops start-up with one line naming the variable', (env, name) => {
    let message = '';
    try {
      loadEnv(env);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(name);
    expect(message.split('\n')).toHaveLength(1);
  });
});
