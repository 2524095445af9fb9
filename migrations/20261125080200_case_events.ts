import type { Knex } from 'knex';

/**
 * The append-only, hash-chained history that auditors and outside tools read directly
 * (architecture.md). A trigger refuses UPDATE and DELETE, so history is never rewritten
 * through the application; `verify` detects edits made around it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_events', (t) => {
    t.uuid('case_id').notNullable().references('cases.id');
    t.integer('seq').notNullable();
    t.text('type').notNullable();
    t.jsonb('payload').notNullable();
    t.jsonb('actor').notNullable();
    t.timestamp('occurred_at', { useTz: true }).notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable();
    t.text('from_state');
    t.text('to_state').notNullable();
    t.text('prev_hash').notNullable();
    t.text('hash').notNullable();
    t.primary(['case_id', 'seq']);
  });
  await knex.raw(`
    CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'case_events is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
    END $$`);
  await knex.raw(`
    CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
    FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER IF EXISTS case_events_append_only ON case_events');
  await knex.raw('DROP FUNCTION IF EXISTS case_events_append_only()');
  await knex.schema.dropTable('case_events');
}
