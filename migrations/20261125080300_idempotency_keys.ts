import type { Knex } from 'knex';

/** Idempotency-Key replay store, scoped to (token, method, path, key), kept 24 h (api.md). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('idempotency_keys', (t) => {
    t.uuid('token_id').notNullable();
    t.text('method').notNullable();
    t.text('path').notNullable();
    t.text('key').notNullable();
    t.text('request_hash').notNullable();
    t.integer('status').notNullable();
    t.jsonb('body').notNullable();
    t.text('etag');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['token_id', 'method', 'path', 'key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('idempotency_keys');
}
