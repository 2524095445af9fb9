import type { PGlite } from '@electric-sql/pglite';

// knex-pglite's CommonJS build exports the client class itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ClientPGLite = require('knex-pglite');

/**
 * knex's client over one PGlite instance that the caller created and alone closes (audit.md D1).
 * knex-pglite would close the engine whenever knex's pool discards its connection (and reuse the
 * closed engine after), and builds a new engine when given a factory; here the pool only ever
 * borrows the one instance handed in, and `closeEmbedded` closes it after knex is destroyed.
 */
export class SingleEngineClient extends ClientPGLite {
  async destroyRawConnection(): Promise<void> {
    // The engine outlives the pool: closing it is the owner's job, once, at shutdown.
  }
}

export function createPgliteEngine(dataDir: string | undefined): PGlite {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PGlite, types } = require('@electric-sql/pglite');
  // DATE columns stay 'YYYY-MM-DD' strings: a legal date has no time zone.
  // relaxedDurability stays off: an answered write is on disk (audit.md D6).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- pg_trgm: the case list's text search (migration 20261202093000)
  return new PGlite({ dataDir, relaxedDurability: false, parsers: { [types.DATE]: (value: string) => value }, extensions: { pg_trgm: require('@electric-sql/pglite/contrib/pg_trgm').pg_trgm } });
}
