import type { Knex } from 'knex';

/**
 * Facts about the installation itself, one row each (audit.md §15): `demo.seeded` says the demo
 * seed ran on this database, so that it is never applied to it again (S5, D4).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('service_markers', (t) => {
    t.text('name').primary();
    t.timestamp('at', { useTz: true }).notNullable();
  });
  // A database seeded before the marker existed carries the demo committee: mark it seeded.
  await knex.raw(`INSERT INTO service_markers (name, at)
    SELECT 'demo.seeded', now() FROM organizations WHERE id = '0d000000-0000-4000-8000-000000000001'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('service_markers');
}
