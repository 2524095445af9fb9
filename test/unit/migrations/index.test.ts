import { readdirSync } from 'node:fs';
import path from 'node:path';
import { migrationSource } from '../../../migrations';

const dir = path.join(__dirname, '../../../migrations');

describe('migrations/index.ts', () => {
  const files = readdirSync(dir).filter((f) => f !== 'index.ts').sort();

  it('lists every file of migrations/, in file-name (timestamp) order', async () => {
    expect(files.every((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f))).toBe(true);
    expect(await migrationSource.getMigrations([])).toEqual(files.map((f) => f.replace(/\.ts$/, '')));
  });

  it('serves under each name the module of that file, with up and down', async () => {
    for (const name of await migrationSource.getMigrations([])) {
      expect(migrationSource.getMigrationName(name)).toBe(name);
      const migration = await migrationSource.getMigration(name);
      const file = await import(path.join(dir, `${name}.ts`));
      expect([migration.up, migration.down]).toEqual([file.up, file.down]);
      expect(typeof migration.up).toBe('function');
      expect(typeof migration.down).toBe('function');
    }
  });
});
