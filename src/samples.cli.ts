import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDb, migrateLatest } from './db/knex';
import { documentBytes } from './repositories/documents.repository';
import { DOCUMENT_TYPES } from '../templates';
import { listCases as listCaseRows } from './repositories/cases.repository';
import { findUserByTokenHash } from './repositories/people.repository';
import { createDeadlineService } from './services/deadlines.service';
import { seedDemo } from './services/demo.seed';
import { generateDocument } from './services/documents.service';
import { sha256Hex } from './services/hash-chain';

/**
 * `npm run samples`: seeds the demo into a throwaway in-memory database and writes one PDF of each
 * document type, in both languages, to ./samples (e.g. samples/mediation_agreement.zh-CN.pdf).
 */
async function main() {
  const out = path.resolve(process.argv[2] ?? 'samples');
  mkdirSync(out, { recursive: true });
  const db = createDb({ pgliteDir: 'memory' });
  await migrateLatest(db);
  const clock = () => new Date();
  await seedDemo({ db, clock, deadlines: createDeadlineService({ db, clock }) }, () => undefined);
  const tokenOf = async (token: string) => (await findUserByTokenHash(db, sha256Hex(token)))!.user;
  // Whoever takes part in the case prints it: the committee's mediator, else the union.
  const printers = [await tokenOf('demo-mediator-token'), await tokenOf('demo-union-token')];
  const auditor = await tokenOf('demo-auditor-token');
  const cases = await listCaseRows(db, { visibleTo: null, limit: 100 });
  const written: string[] = [];
  for (const type of DOCUMENT_TYPES) {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const c of cases) {
        const users = type === 'case_history' ? [auditor] : printers;
        let result;
        for (const user of users) result ??= await generateDocument(db, user, c.id, { type, locale }, clock()).catch(() => undefined);
        if (!result) continue;
        const file = path.join(out, `${type}.${locale}.pdf`);
        writeFileSync(file, await documentBytes(db, result.document.id));
        written.push(`${path.relative(process.cwd(), file)}  (${c.number})`);
        break;
      }
    }
  }
  await db.destroy();
  console.log(written.join('\n'));
  console.log(`${written.length} sample documents of ${DOCUMENT_TYPES.length} types written to ${out}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
