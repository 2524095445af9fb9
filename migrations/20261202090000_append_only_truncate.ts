import type { Knex } from 'knex';

/**
 * audit.md H1 and F1: history and documents cannot be emptied or removed through SQL either.
 * Row triggers never fire on TRUNCATE, so each table gets a BEFORE TRUNCATE statement trigger;
 * the one on case_events also fires for `TRUNCATE cases CASCADE`, which truncates it with cases.
 * The landed documents trigger refused only UPDATE; it is recreated to refuse DELETE as well.
 * The existing trigger functions raise for whatever TG_OP they are called for, so they serve
 * statement triggers unchanged.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
    FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only()`);
  await knex.raw('DROP TRIGGER documents_immutable ON documents');
  await knex.raw(`
    CREATE TRIGGER documents_immutable BEFORE UPDATE OR DELETE ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_immutable()`);
  await knex.raw(`
    CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION documents_immutable()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER IF EXISTS documents_no_truncate ON documents');
  await knex.raw('DROP TRIGGER IF EXISTS documents_immutable ON documents');
  await knex.raw('CREATE TRIGGER documents_immutable BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION documents_immutable()');
  await knex.raw('DROP TRIGGER IF EXISTS case_events_no_truncate ON case_events');
}
