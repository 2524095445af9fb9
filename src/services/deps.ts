import type { Knex } from 'knex';

/** What the services need from the outside world; tests pass their own clock. */
export interface ServiceDeps {
  db: Knex;
  clock: () => Date;
}
