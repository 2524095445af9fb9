import type { Knex } from 'knex';
import * as people from './20261125080000_people';
import * as cases from './20261125080100_cases';
import * as caseEvents from './20261125080200_case_events';
import * as idempotency from './20261125080300_idempotency_keys';
import * as deadlines from './20261125080400_deadlines';
import * as documents from './20261125080500_documents';
import * as serviceMarkers from './20261202091000_service_markers';
import * as appendOnlyTruncate from './20261202090000_append_only_truncate';
import * as caseListIndexes from './20261202093000_case_list_indexes';

/**
 * The migrations in order, imported statically so that they run the same under tsx, jest and the
 * knex CLI. Append new ones; never edit one that has landed.
 */
const migrations: Record<string, Knex.Migration> = {
  '20261125080000_people': people,
  '20261125080100_cases': cases,
  '20261125080200_case_events': caseEvents,
  '20261125080300_idempotency_keys': idempotency,
  '20261125080400_deadlines': deadlines,
  '20261125080500_documents': documents,
  '20261202090000_append_only_truncate': appendOnlyTruncate,
  '20261202091000_service_markers': serviceMarkers,
  '20261202093000_case_list_indexes': caseListIndexes,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};
