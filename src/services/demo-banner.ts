/**
 * The warning printed before the demo tokens (audit.md S5): the demo's administrator token is
 * public, so whoever reaches the port administers the service.
 */
export function demoBanner(env: { DATABASE_URL?: string; HOST?: string; PORT: number }): string[] {
  const lines = [
    'WARNING: DEMO MODE: anyone who can reach this port is an administrator with the public token demo-admin-token.',
  ];
  if (env.DATABASE_URL) lines.push('Demo mode was asked for explicitly (DEMO=1) on a PostgreSQL database: never do this with real case data.');
  lines.push(
    env.HOST
      ? `HOST=${env.HOST} was given: the demo administrator is reachable from that address.`
      : 'The service listens on 127.0.0.1 only; set HOST to reach it from elsewhere (and then so can everyone else).',
  );
  return lines;
}
