// One service instance that sweeps once against DATABASE_URL and prints how many it fired:
// the integration test runs two of these at once against one PostgreSQL database.
import { createDb } from '../../../src/db/knex';
import { createDeadlineService } from '../../../src/services/deadlines.service';
import { sweepOnce } from '../../../src/services/deadline-sweeper';
import { TEST_NOW } from './test-now';

async function main() {
  const db = createDb({ databaseUrl: process.env.DATABASE_URL });
  const clock = () => TEST_NOW; // the pinned clock of the tests that start it
  const deadlines = createDeadlineService({ db, clock });
  await deadlines.loadCalendar(db);
  const fired = await sweepOnce({ db, clock, deadlines });
  process.stdout.write(JSON.stringify({ fired }));
  await db.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
