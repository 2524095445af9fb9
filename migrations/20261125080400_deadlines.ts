import type { Knex } from 'knex';

/**
 * Statutory deadlines as rows (one per case and rule), and the administrator's calendar
 * overrides for years the holiday package does not know yet.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('deadlines', (t) => {
    t.uuid('case_id').notNullable().references('cases.id');
    t.text('rule_id').notNullable();
    t.text('citation').notNullable();
    t.specificType('owning_states', 'text[]').notNullable();
    t.date('trigger_on').notNullable();
    t.date('due_on').notNullable();
    t.timestamp('elapses_at', { useTz: true }).notNullable();
    t.integer('period');
    t.text('unit').notNullable();
    t.text('status').notNullable();
    t.text('explanation').notNullable();
    t.boolean('provisional').notNullable().defaultTo(false);
    // Planner bookkeeping (suspension of the limitation, extensions granted, open vacancies).
    t.jsonb('memo');
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['case_id', 'rule_id']);
  });
  await knex.raw(`CREATE INDEX deadlines_pending_idx ON deadlines (elapses_at) WHERE status = 'pending'`);
  // Facts the clock states about a case that are not rows (e.g. why no limitation deadline exists).
  await knex.schema.alterTable('cases', (t) => {
    t.jsonb('deadline_notes').notNullable().defaultTo('[]');
  });
  await knex.schema.createTable('calendar_overrides', (t) => {
    t.date('date').primary();
    t.text('kind').notNullable();
    t.text('name').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('calendar_overrides');
  await knex.schema.alterTable('cases', (t) => t.dropColumn('deadline_notes'));
  await knex.schema.dropTable('deadlines');
}
