import type { Knex } from 'knex';

/**
 * Generated documents, stored immutably with their bytes and SHA-256, linked to the event they
 * are drawn from. The same document generated again is found by its hash, not stored twice.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('documents', (t) => {
    t.uuid('id').primary();
    t.uuid('case_id').notNullable().references('cases.id');
    t.text('type').notNullable();
    t.text('locale').notNullable();
    t.integer('source_seq').notNullable();
    t.text('sha256').notNullable();
    t.integer('size').notNullable();
    t.binary('bytes').notNullable();
    t.text('filename').notNullable();
    t.jsonb('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['case_id', 'type', 'locale', 'source_seq', 'sha256']);
    t.index(['case_id', 'created_at']);
  });
  await knex.raw(`
    CREATE FUNCTION documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'documents are immutable: % refused', TG_OP USING ERRCODE = 'P0001';
    END $$`);
  await knex.raw(`CREATE TRIGGER documents_immutable BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION documents_immutable()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER IF EXISTS documents_immutable ON documents');
  await knex.raw('DROP FUNCTION IF EXISTS documents_immutable()');
  await knex.schema.dropTable('documents');
}
