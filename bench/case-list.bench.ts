import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import { listCases as listCaseRows, type CaseListFilter } from '../src/repositories/cases.repository';
import { createUser } from '../src/services/people.service';
import type { BenchDb } from './bench-db';
import { percentile } from './bench-db';
import { openCase } from '../src/services/case-commands';
import { createDeadlineService } from '../src/services/deadlines.service';
import { caseIdOf, disputeBody, today, type Actors, type BenchServer } from './dispute-path.bench';

/**
 * (e) The case list at scale: `cases` dispute cases with 5 events each and 2 deadlines each,
 * seeded in SQL (generate_series in INSERT ... SELECT, in batches), then the p95 of
 * GET /api/v1/cases through the real route and query code, for a mediator of one committee, an
 * auditor (every case), the overdue filter and the text search.
 *
 * Shape of the seed: 200 committees; committee k (0..198) holds case i when i % 199 = k, and
 * committee 199 only every 10,000th case (a small committee, 0.01 %). 30 % of cases are open,
 * each with two pending deadlines; 1 open case in 50 has one elapsed (overdue). Applicants are
 * 3-character names from 50 surnames x 60 x 60 given characters (~5 cases per full name at 1 M).
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN1 = '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉萍红建文辉力永春国志海波宇鹏飞云龙浩凯婷雪梅兰晶鑫亮斌峰琳晨旭东';
const GIVEN2 = '一二三四五六七八九十小大中正新安康宁和泰嘉佳思雨欣怡子涵梓轩博文若曦可馨语嫣梦琪诗晴雅静紫萱俊熙天宇皓然晓峰立诚';
const COMPANY = ['星辰', '华兴', '远航', '盛世', '鼎新', '恒通', '天成', '瑞丰', '金桥', '宏达', '中联', '新锐', '博远', '万象', '海纳', '锦程'];
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '重庆'];

/** A deterministic, RFC 4122-shaped (version 4, variant 8) uuid from a text, as z.uuid() accepts. */
const uuidOf = (text: string) => `(substr(md5(${text}), 1, 12) || '4' || substr(md5(${text}), 14, 3) || '8' || substr(md5(${text}), 18, 15))::uuid`;
const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;
const chars = (s: string) => [...s];

export interface SeedInfo {
  cases: number;
  committeeIds: string[];
  seconds: number;
}

async function seed(db: Knex, n: number, templateSnapshot: unknown, print: (line: string) => void): Promise<SeedInfo> {
  const t0 = performance.now();
  const sur = sqlArray(chars(SURNAMES));
  const g1 = sqlArray(chars(GIVEN1));
  const g2 = sqlArray(chars(GIVEN2));
  const comp = sqlArray(COMPANY);
  const city = sqlArray(CITIES);
  const applicant = `(${sur})[1 + i % ${chars(SURNAMES).length}] || (${g1})[1 + (i / ${chars(SURNAMES).length}) % ${chars(GIVEN1).length}] || (${g2})[1 + (i / ${chars(SURNAMES).length * chars(GIVEN1).length}) % ${chars(GIVEN2).length}]`;
  const respondent = `(${city})[1 + (i / 7) % ${CITIES.length}] || (${comp})[1 + (i / 3) % ${COMPANY.length}] || ((i % 97)::text) || '科技有限公司'`;
  const committee = uuidOf(`'bench-committee-' || (CASE WHEN i % 10000 = 0 THEN 199 ELSE i % 199 END)`);
  const caseId = uuidOf(`'bench-case-' || i`);
  const committeeIds = Array.from({ length: 200 }, (_, k) => k);
  await db.raw(`INSERT INTO organizations (id, name, kind, created_at)
    SELECT ${uuidOf(`'bench-committee-' || k`)}, '基准调解委员会' || k, 'mediation_committee', now() FROM generate_series(0, 199) k`);
  const ids = (await db.raw(`SELECT id FROM organizations WHERE name LIKE '基准调解委员会%' ORDER BY (substring(name from 8))::int`)).rows.map((r: any) => r.id as string);
  // Open cases (i % 10 < 3): the acceptance deadline elapsed for 1 in 50 of them.
  const open = `(i % 10 < 3)`;
  const batch = 100_000;
  const snapshot = JSON.stringify(templateSnapshot);
  for (let lo = 1; lo <= n; lo += batch) {
    const hi = Math.min(n, lo + batch - 1);
    await db.transaction(async (trx) => {
      await trx.raw(`SET LOCAL session_replication_role = replica`); // no FK triggers while seeding (throwaway database)
      await trx.raw(
        `INSERT INTO cases (id, kind, number, number_org_id, number_year, number_seq, state, status, outcome, version, snapshot, machine_version,
                            rule_pack, participants, title, search_text, renewal_of, opened_at, created_at, updated_at, deadline_notes)
         SELECT ${caseId}, 'dispute', '劳调〔' || (2021 + i % 6) || '〕第' || lpad(i::text, 7, '0') || '号', ${committee},
                2021 + i % 6, i,
                CASE WHEN ${open} THEN (ARRAY['mediation.awaitingAcceptance','mediation.inProgress','agreement.awaitingSignatures'])[1 + i % 3] ELSE 'closed' END,
                CASE WHEN ${open} THEN 'open' ELSE 'closed' END,
                CASE WHEN ${open} THEN NULL ELSE (ARRAY['settled','referred','unresolved','withdrawn'])[1 + i % 4] END,
                5, jsonb_set(jsonb_set(?::jsonb, '{context,applicant,name}', to_jsonb(a)), '{context,respondent,name}', to_jsonb(r)), '1',
                '{"id":"national","version":"2026.1"}'::jsonb, ARRAY[${committee}], a || ' / ' || r,
                '劳调〔' || (2021 + i % 6) || '〕第' || lpad(i::text, 7, '0') || '号 ' || a || ' ' || r, NULL,
                u - interval '20 days', u - interval '20 days', u, '[]'::jsonb
         FROM (SELECT i, ${applicant} AS a, ${respondent} AS r,
                      now() - (((i::bigint * 7919) % ${n}) * interval '1 second' * (200.0 * 86400 / ${n})) - interval '1 hour' AS u
               FROM generate_series(${lo}, ${hi}) i) s`,
        [snapshot],
      );
      await trx.raw(
        `INSERT INTO case_events (case_id, seq, type, payload, actor, occurred_at, recorded_at, from_state, to_state, prev_hash, hash)
         SELECT ${caseId}, s,
                (ARRAY['CASE_OPENED','ACCEPT','RECORD_SESSION','RECORD_SESSION','PROPOSE_AGREEMENT'])[s],
                CASE s WHEN 1 THEN jsonb_build_object('kind','dispute','route','mediation','channel','walk_in','facts','基准测试','applicant',jsonb_build_object('name','张伟'))
                       WHEN 2 THEN '{"respondentConsent":true}'::jsonb
                       ELSE jsonb_build_object('heldOn','2026-11-01','attendees',jsonb_build_array('张伟','李建国'),'summary','第' || s || '次调解') END,
                '{"id":"be573bd2-97e5-407b-ab20-ca8dedaf4a7c","role":"mediator"}'::jsonb,
                now() - interval '30 days' + s * interval '1 day', now() - interval '30 days' + s * interval '1 day',
                CASE WHEN s = 1 THEN NULL ELSE 'mediation.inProgress' END, 'mediation.inProgress',
                md5(i || '-' || (s - 1)) || md5((s - 1) || '-' || i), md5(i || '-' || s) || md5(s || '-' || i)
         FROM generate_series(${lo}, ${hi}) i CROSS JOIN generate_series(1, 5) s`,
      );
      await trx.raw(
        `INSERT INTO deadlines (case_id, rule_id, citation, owning_states, trigger_on, due_on, elapses_at, period, unit, status, explanation, provisional, memo, updated_at)
         SELECT ${caseId}, r.rule, r.citation, ARRAY['mediation.awaitingAcceptance'], current_date - 20,
                d::date, (d::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai', r.period, 'working_day',
                CASE WHEN ${open} THEN 'pending' ELSE (ARRAY['met','cancelled','fired'])[1 + i % 3] END,
                '基准测试期限说明', false, NULL, now()
         FROM generate_series(${lo}, ${hi}) i
         CROSS JOIN (VALUES ('dispute.mediation.acceptance', 'LDMAL Art 10', 5), ('dispute.mediation.arbitrationRight', 'LDMAL Art 14', 15)) r(rule, citation, period)
         CROSS JOIN LATERAL (SELECT CASE WHEN ${open} AND i % 50 = 0 AND r.rule = 'dispute.mediation.acceptance' THEN current_date - 3
                                         ELSE current_date + 30 + (i % 60) END AS d) dd`,
      );
    });
    if (hi === n || (hi / batch) % 2 === 0) print(`    seeded ${hi} cases (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  // What autovacuum would have done by the time such a table is queried: statistics, and the
  // visibility map that lets the pending-deadlines probe be an index-only scan.
  await db.raw('VACUUM (ANALYZE) organizations, cases, deadlines');
  await db.raw('ANALYZE case_events');
  void committeeIds;
  return { cases: n, committeeIds: ids, seconds: (performance.now() - t0) / 1000 };
}

/** The SQL listCases sends for `f`, run under EXPLAIN ANALYZE: the evidence for an index. */
async function explain(db: Knex, f: CaseListFilter): Promise<string[]> {
  let captured: { sql: string; bindings: readonly unknown[] } | undefined;
  const listener = (q: { sql: string; bindings: readonly unknown[] }) => {
    if (!captured && /from "cases"/i.test(q.sql)) captured = q;
  };
  db.on('query', listener);
  try {
    await listCaseRows(db, f);
  } finally {
    db.removeListener('query', listener);
  }
  if (!captured) return ['(query not captured)'];
  // The query event shows the driver's numbered placeholders; knex.raw takes `?`, in the same order.
  const sql = captured.sql.replace(/\$\d+/g, '?');
  const plan = await db.raw(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, captured.bindings as any[]);
  return plan.rows.map((r: any) => r['QUERY PLAN'] as string);
}

export async function benchCaseList(bench: BenchDb, server: BenchServer, actors: Actors, print: (line: string) => void, opts: { cases: number; samples: number; explain: boolean }): Promise<void> {
  const { db } = bench;
  // The seeded rows carry a real case's snapshot (names replaced), opened here through the service.
  const clock = () => new Date();
  const opened = caseIdOf(await openCase({ db, clock, deadlines: createDeadlineService({ db, clock }) }, actors.mediator, disputeBody(today())));
  const template = (await db('cases').where({ id: opened }).first('snapshot')).snapshot;
  print(`(e) case list at scale: seeding ${opts.cases} dispute cases, ${opts.cases * 5} events, ${opts.cases * 2} deadlines in SQL ...`);
  const info = await seed(db, opts.cases, template, print);
  const totals = (await db.raw(`SELECT (SELECT count(*) FROM cases) c, (SELECT count(*) FROM case_events) e, (SELECT count(*) FROM deadlines) d,
     (SELECT pg_size_pretty(pg_database_size(current_database()))) size,
     (SELECT pg_size_pretty(pg_total_relation_size('cases'))) cs, (SELECT pg_size_pretty(pg_total_relation_size('case_events'))) es,
     (SELECT pg_size_pretty(pg_total_relation_size('deadlines'))) ds`)).rows[0];
  print(`    seed done in ${info.seconds.toFixed(0)} s: ${totals.c} cases, ${totals.e} events, ${totals.d} deadlines in the database (${totals.size}: cases ${totals.cs}, case_events ${totals.es}, deadlines ${totals.ds}, with indexes)`);

  const mediator = await createUser(db, { name: '基准调解员', role: 'mediator', organizationId: info.committeeIds[0] });
  const small = await createUser(db, { name: '小委员会调解员', role: 'mediator', organizationId: info.committeeIds[199] });
  const committeeCases = Number((await db.raw(`SELECT count(*) n FROM cases WHERE number_org_id = ?`, [info.committeeIds[0]])).rows[0].n);
  const smallCases = Number((await db.raw(`SELECT count(*) n FROM cases WHERE number_org_id = ?`, [info.committeeIds[199]])).rows[0].n);
  // A 3-character applicant name that the seed gave to a few cases, and its 2-character prefix.
  const name = (await db.raw(`SELECT split_part(title, ' / ', 1) AS a FROM cases WHERE number_org_id = ? ORDER BY number_seq LIMIT 1 OFFSET 17`, [info.committeeIds[0]])).rows[0].a as string;
  const fragment = [...name].slice(0, 2).join('');
  const nameHits = Number((await db.raw(`SELECT count(*) n FROM cases WHERE search_text LIKE ?`, [`%${name}%`])).rows[0].n);
  const fragmentHits = Number((await db.raw(`SELECT count(*) n FROM cases WHERE search_text LIKE ?`, [`%${fragment}%`])).rows[0].n);
  const overdueCases = Number((await db.raw(`SELECT count(DISTINCT case_id) n FROM deadlines WHERE status = 'pending' AND elapses_at <= now()`)).rows[0].n);

  const runs: { label: string; token: string; query: string; filter: CaseListFilter }[] = [
    { label: `mediator, one committee (${committeeCases} cases)`, token: mediator.token, query: '', filter: { visibleTo: info.committeeIds[0], limit: 21 } },
    { label: `mediator, small committee (${smallCases} cases)`, token: small.token, query: '', filter: { visibleTo: info.committeeIds[199], limit: 21 } },
    { label: 'auditor (every case)', token: actors.auditor.token, query: '', filter: { visibleTo: null, limit: 21 } },
    { label: `overdue=true, auditor (${overdueCases} overdue cases)`, token: actors.auditor.token, query: 'overdue=true', filter: { visibleTo: null, overdueAt: new Date(), limit: 21 } },
    { label: 'overdue=true, mediator', token: mediator.token, query: 'overdue=true', filter: { visibleTo: info.committeeIds[0], overdueAt: new Date(), limit: 21 } },
    { label: `q=${name} (full name, ${nameHits} cases), auditor`, token: actors.auditor.token, query: `q=${encodeURIComponent(name)}`, filter: { visibleTo: null, q: name, limit: 21 } },
    { label: `q=${name}, mediator`, token: mediator.token, query: `q=${encodeURIComponent(name)}`, filter: { visibleTo: info.committeeIds[0], q: name, limit: 21 } },
    { label: `q=${fragment} (2 characters, ${fragmentHits} cases), auditor`, token: actors.auditor.token, query: `q=${encodeURIComponent(fragment)}`, filter: { visibleTo: null, q: fragment, limit: 21 } },
  ];
  print(`    GET /api/v1/cases (limit 20) over HTTP, ${opts.samples} requests each after 3 warm-up, sequential [target p95 < 50 ms]:`);
  for (const run of runs) {
    const url = `${server.base}/api/v1/cases${run.query ? `?${run.query}` : ''}`;
    const get = async () => {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${run.token}` } });
      const body = (await res.json()) as { items: unknown[] };
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return body.items.length;
    };
    for (let i = 0; i < 3; i++) await get();
    const samples: number[] = [];
    let items = 0;
    for (let i = 0; i < opts.samples; i++) {
      const t = performance.now();
      items = await get();
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    const p95 = percentile(samples, 95);
    // The same filter through the repository alone (one SQL statement, no HTTP, no per-row reads).
    const sql: number[] = [];
    for (let i = 0; i < Math.min(20, opts.samples); i++) {
      const t = performance.now();
      await listCaseRows(db, run.filter);
      sql.push(performance.now() - t);
    }
    sql.sort((a, b) => a - b);
    print(`      ${run.label.padEnd(50)} ${String(items).padStart(3)} items  HTTP p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms ${p95 < 50 ? 'ok    ' : 'MISSED'}  (listCases SQL alone p95 ${percentile(sql, 95).toFixed(1)} ms)`);
    if (opts.explain || p95 >= 50) {
      const t = performance.now();
      for (const line of await explain(db, run.filter)) print(`          | ${line}`);
      void t;
    }
  }
}
