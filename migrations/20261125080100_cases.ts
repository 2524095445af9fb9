import type { Knex } from 'knex';

/**
 * Cases: the current snapshot of each case's machine, with the columns lists and filters need.
 * `version` counts accepted events (the ETag). Case numbers are unique per organization, kind
 * and year, drawn from `case_number_counters` under a row lock.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cases', (t) => {
    t.uuid('id').primary();
    t.text('kind').notNullable();
    t.text('number').notNullable();
    t.uuid('number_org_id').notNullable().references('organizations.id');
    t.integer('number_year').notNullable();
    t.integer('number_seq').notNullable();
    t.text('state').notNullable();
    t.text('status').notNullable();
    t.text('outcome');
    t.integer('version').notNullable();
    t.jsonb('snapshot').notNullable();
    t.text('machine_version').notNullable();
    t.jsonb('rule_pack').notNullable();
    t.specificType('participants', 'uuid[]').notNullable();
    t.text('title').notNullable();
    t.text('search_text').notNullable();
    t.uuid('renewal_of').references('cases.id');
    t.timestamp('opened_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.unique(['number_org_id', 'kind', 'number_year', 'number_seq']);
    t.unique(['number_org_id', 'number']);
    t.index(['kind', 'state']);
    t.index(['updated_at', 'id']);
  });
  await knex.raw('CREATE INDEX cases_participants_idx ON cases USING gin (participants)');
  await knex.schema.createTable('case_number_counters', (t) => {
    t.uuid('org_id').notNullable();
    t.text('kind').notNullable();
    t.integer('year').notNullable();
    t.integer('last').notNullable();
    t.primary(['org_id', 'kind', 'year']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_number_counters');
  await knex.schema.dropTable('cases');
}
