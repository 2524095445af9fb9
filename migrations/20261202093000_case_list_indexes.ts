import type { Knex } from 'knex';

/**
 * Indexes the case list needs at a million cases (issue 9, item 4; EXPLAIN ANALYZE in the bench):
 * - `q=`: `search_text ILIKE '%...%'` was a sequential scan; a trigram GIN index (pg_trgm, a
 *   trusted extension on PostgreSQL, loaded into PGlite by its engine) serves fragments of three
 *   characters or more (a shorter fragment has no trigram and is answered as before).
 * - `overdue=true`: each listed case was probed through the deadlines primary key and its heap
 *   rows; a partial index on the pending rows, keyed by case and elapse instant, answers the
 *   EXISTS from the index alone (an index-only scan once the table is vacuumed).
 * The participants GIN index exists since 20261125080100; listCases now uses `@>` so it is used.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await knex.raw('CREATE INDEX cases_search_text_trgm_idx ON cases USING gin (search_text gin_trgm_ops)');
  await knex.raw(`CREATE INDEX deadlines_pending_case_idx ON deadlines (case_id, elapses_at) WHERE status = 'pending'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS deadlines_pending_case_idx');
  await knex.raw('DROP INDEX IF EXISTS cases_search_text_trgm_idx');
  await knex.raw('DROP EXTENSION IF EXISTS pg_trgm');
}
