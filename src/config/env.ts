import { z } from 'zod';
import { isValidTrustProxy } from './trust-proxy';

/** The service's configuration, read once from the environment and validated (api.md). */
const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Unset: every interface, but only loopback in demo mode (audit.md S5).
    HOST: z.string().regex(/^[\w.:-]+$/, 'must be a host name or an IP address').optional(),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// connection string').optional(),
    PGLITE_DIR: z.string().min(1).default('./data'),
    BOOTSTRAP_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    // Node timers hold at most 2^31-1 ms; a larger value would fire every millisecond.
    DEADLINE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(2147483647).default(60000),
    DEMO: z.enum(['0', '1']).optional(),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
    AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(0).default(60),
    TRUST_PROXY: z.string().refine(isValidTrustProxy, 'must be true, false, a hop count, or comma-separated addresses or subnets (or loopback, linklocal, uniquelocal)').optional(),
  })
  .transform((env) => ({ ...env, DEMO: env.DEMO ? env.DEMO === '1' : !env.DATABASE_URL, DEMO_EXPLICIT: env.DEMO === '1' }));

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment; on failure throws an Error whose message is one line naming the variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  return result.data;
}
