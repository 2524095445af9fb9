/**
 * Reading a collective case for the collective templates. Representatives, recorder and
 * drafts are taken from the history up to the source event, so a document drawn from an
 * earlier event shows the facts as they stood then.
 */
import { z } from 'zod';
import { compact } from './common';
import type { Locale } from './format';
import type { Block } from './layout';
import { SIDES, label, t } from './labels';
import { type CaseRecord, type HistoryEvent, type Orgs, orgName, upTo } from './source';

export type Side = 'union' | 'employer';

export const MemberSchema = z.object({
  name: z.string(),
  post: z.string().optional(),
  chief: z.boolean(),
  external: z.boolean(),
});
export type Member = z.infer<typeof MemberSchema>;

export const PartiesSchema = z.object({
  title: z.string(),
  union: z.string().optional(),
  employer: z.string().optional(),
  unionRegion: z.string().optional(),
  employerRegion: z.string().optional(),
  bureau: z.string().optional(),
});
export type CollectiveParties = z.infer<typeof PartiesSchema>;

/** Names of the case's organizations (left out when the service did not pass them). */
export function collectiveParties(c: CaseRecord, orgs: Orgs, history: readonly HistoryEvent[] = []): CollectiveParties {
  const d = c.data ?? {};
  const filing = [...history].reverse().find((e) => e.type === 'SUBMIT_FOR_FILING' && e.payload?.laborBureauId);
  const bureauId = d.laborBureauId ?? filing?.payload?.laborBureauId;
  return compact({
    title: String(d.title ?? ''),
    union: orgName(orgs, d.unionOrganizationId, '') || undefined,
    employer: orgName(orgs, d.employerOrganizationId, '') || undefined,
    unionRegion: (d.unionOrganizationId && orgs[d.unionOrganizationId]?.region) || undefined,
    employerRegion: (d.employerOrganizationId && orgs[d.employerOrganizationId]?.region) || undefined,
    bureau: orgName(orgs, bureauId, '') || undefined,
  });
}

export const otherSide = (side: Side): Side => (side === 'union' ? 'employer' : 'union');

/** The side's organization name, or a generic name when the service did not pass it. */
export function sideName(side: Side, p: CollectiveParties, locale: Locale): string {
  if (side === 'union') return p.union ?? t(locale, '工会', 'The union');
  return p.employer ?? t(locale, '用人单位', 'The employer');
}

/** Each side's list as named by its latest NAME_REPRESENTATIVES at or before `seq`. */
export function representativesAt(history: readonly HistoryEvent[], seq: number): Partial<Record<Side, Member[]>> {
  const lists: Partial<Record<Side, Member[]>> = {};
  for (const e of upTo(history, seq)) {
    if (e.type !== 'NAME_REPRESENTATIVES') continue;
    const side = e.payload?.side as Side;
    lists[side] = (e.payload?.members ?? []).map((m: any) =>
      compact({ name: String(m.name), post: m.post, chief: Boolean(m.chief), external: Boolean(m.external) }),
    );
  }
  return lists;
}

export const chiefOf = (members: Member[] | undefined): string | undefined => members?.find((m) => m.chief)?.name;

/** The recorder appointed last at or before `seq`. */
export function recorderAt(history: readonly HistoryEvent[], seq: number): string | undefined {
  const appointed = upTo(history, seq).filter((e) => e.type === 'APPOINT_RECORDER');
  return appointed[appointed.length - 1]?.payload?.name;
}

/** Clauses of draft `version`: from the case's drafts, else the version-th EDIT_DRAFT. */
export function draftClauses(c: CaseRecord, history: readonly HistoryEvent[], version: number): { topic: string; text: string }[] | null {
  const fromData = (c.data?.drafts ?? []).find((d: any) => d.version === version);
  const edits = history.filter((e) => e.type === 'EDIT_DRAFT');
  const clauses = fromData?.clauses ?? edits[version - 1]?.payload?.clauses;
  return clauses ? clauses.map((x: any) => ({ topic: String(x.topic), text: String(x.text) })) : null;
}

/** Members as a table: name, post, chief, internal or external. */
export function membersTable(members: Member[], locale: Locale, title?: string): Block {
  return {
    kind: 'table',
    ...(title ? { title } : {}),
    columns: [
      { header: t(locale, '序号', 'No.'), width: 0.5, align: 'center' },
      { header: t(locale, '姓名', 'Name'), width: 1.3 },
      { header: t(locale, '职务', 'Post'), width: 2 },
      { header: t(locale, '首席代表', 'Chief'), width: 1, align: 'center' },
      { header: t(locale, '本单位/外聘', 'Internal / external'), width: 1.3, align: 'center' },
    ],
    rows: members.map((m, i) => [
      String(i + 1),
      m.name,
      m.post ?? '',
      m.chief ? t(locale, '是', 'Yes') : '',
      m.external ? t(locale, '外聘', 'External') : t(locale, '本单位', 'Internal'),
    ]),
  };
}

export function sideLabel(side: Side, locale: Locale): string {
  return label(SIDES, side, locale);
}

/** The legal basis of the document, printed at the foot of its last page. */
export function basis(locale: Locale, zh: string, en: string): Block {
  return { kind: 'basis', text: t(locale, `依据：${zh}`, `Legal basis: ${en}`) };
}
