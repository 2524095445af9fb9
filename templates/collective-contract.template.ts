/** 集体合同: the text of the frozen draft, by topic, with term, parties and chiefs (CCP Arts 8, 37-38, 42, 47). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import { PartiesSchema, basis, chiefOf, collectiveParties, draftClauses, representativesAt, sideName } from './collective-source';
import { chineseOrdinal, type Locale } from './format';
import type { Block } from './layout';
import { CONTRACT_TYPES, SCOPES, TOPICS, label, t } from './labels';
import { eventDate, findSource, type HistoryEvent, latestBefore, upTo } from './source';

export const CollectiveContractSchema = BaseSchema.extend({
  parties: PartiesSchema,
  contractType: z.string(),
  scope: z.string(),
  version: z.number().int().positive(),
  contentHash: z.string().optional(),
  clauses: z.array(z.object({ topic: z.string(), text: z.string() })).min(1),
  signedOn: DateSchema.optional(),
  termMonths: z.number().int().positive().optional(),
  termStart: DateSchema.optional(),
  inForceOn: DateSchema.optional(),
  unionChief: z.string().optional(),
  employerChief: z.string().optional(),
});
export type CollectiveContractData = z.infer<typeof CollectiveContractSchema>;

const TOPIC_ORDER = Object.keys(TOPICS);
const topicRank = (topic: string) => (TOPIC_ORDER.includes(topic) ? TOPIC_ORDER.indexOf(topic) : TOPIC_ORDER.length);

function chapter(n: number, name: string, locale: Locale): string {
  return t(locale, `第${chineseOrdinal(n)}章　${name}`, `Chapter ${n}. ${name}`);
}
function article(n: number, text: string, locale: Locale): string {
  return t(locale, `第${chineseOrdinal(n)}条　${text}`, `Article ${n}. ${text}`);
}

function finalProvisions(d: CollectiveContractData, locale: Locale): string[] {
  const start = d.termStart ? date(d.termStart, locale) : t(locale, '本合同生效之日', 'the day it enters into force');
  return [
    d.termMonths
      ? t(locale, `本合同期限为${d.termMonths}个月，自${start}起计算。`, `The term of this contract is ${d.termMonths} months from ${start}.`)
      : t(locale, '本合同期限由双方在签订时约定。', 'The term of this contract is agreed by the parties on signing.'),
    t(locale, '本合同经职工代表大会或者全体职工讨论通过，由双方首席代表签字后，由用人单位自签字之日起十日内报送劳动保障行政部门审查；劳动保障行政部门自收到文本之日起十五日内未提出异议的，本合同即行生效。',
      'Once approved by the workers\' congress or all employees and signed by both chief representatives, this contract is submitted by the employer to the labor administration within 10 days of signature; it enters into force if the administration raises no objection within 15 days of receiving it.'),
    t(locale, '本合同生效后，双方应当以适当的形式及时向全体职工公布。', 'Once in force, the contract is published promptly to all employees.'),
    t(locale, '本合同一式三份，双方各执一份，报劳动保障行政部门一份。', 'This contract is made in three copies: one for each side and one for the labor administration.'),
    ...(locale === 'en' ? ['This English rendering is for information; the Chinese text prevails.'] : []),
  ];
}

function build(d: CollectiveContractData, locale: Locale) {
  const employer = sideName('employer', d.parties, locale);
  const union = sideName('union', d.parties, locale);
  const blocks: Block[] = [
    {
      kind: 'keyValue',
      rows: [
        { label: t(locale, '甲方（用人单位）', 'Party A (employer)'), value: employer },
        { label: t(locale, '乙方（工会）', 'Party B (union)'), value: union },
        { label: t(locale, '合同类型', 'Type'), value: label(CONTRACT_TYPES, d.contractType, locale) },
        { label: t(locale, '适用范围', 'Scope'), value: label(SCOPES, d.scope, locale) },
      ],
    },
    {
      kind: 'paragraph',
      indent: locale === 'zh-CN',
      text: t(locale,
        `为协调劳动关系，维护职工和企业的合法权益，根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》《中华人民共和国工会法》和《集体合同规定》等有关规定，甲乙双方经平等协商，订立本合同。`,
        'To harmonize labor relations and protect the lawful rights and interests of the employees and the enterprise, the parties, after consultation on an equal footing, conclude this contract under the Labor Law, the Labor Contract Law, the Trade Union Law and the Collective Contract Provisions.'),
    },
  ];
  const topics = [...new Set(d.clauses.map((c) => c.topic))].sort((a, b) => topicRank(a) - topicRank(b));
  let n = 0;
  topics.forEach((topic, i) => {
    blocks.push({ kind: 'heading', text: chapter(i + 1, label(TOPICS, topic, locale), locale) });
    for (const clause of d.clauses.filter((c) => c.topic === topic)) {
      blocks.push({ kind: 'paragraph', text: article(++n, clause.text, locale), indent: locale === 'zh-CN' });
    }
  });
  blocks.push({ kind: 'heading', text: chapter(topics.length + 1, t(locale, '附则', 'Final provisions'), locale) });
  for (const text of finalProvisions(d, locale)) blocks.push({ kind: 'paragraph', text: article(++n, text, locale), indent: locale === 'zh-CN' });
  if (d.inForceOn) {
    blocks.push({ kind: 'paragraph', bold: true, text: t(locale, `本合同于${date(d.inForceOn, locale)}生效。`, `This contract entered into force on ${date(d.inForceOn, locale)}.`) });
  }
  const signed = d.signedOn ? { date: date(d.signedOn, locale) } : {};
  blocks.push(
    {
      kind: 'signatures',
      parties: [
        { role: t(locale, '甲方（盖章）', 'Party A (seal)'), name: employer, ...signed },
        { role: t(locale, '乙方（盖章）', 'Party B (seal)'), name: union, ...signed },
        { role: t(locale, '甲方首席代表（签字）', 'Chief representative of Party A (signature)'), ...(d.employerChief ? { name: d.employerChief } : {}), ...signed },
        { role: t(locale, '乙方首席代表（签字）', 'Chief representative of Party B (signature)'), ...(d.unionChief ? { name: d.unionChief } : {}), ...signed },
      ],
    },
    {
      kind: 'paragraph',
      text: t(locale, `文本版本：第${d.version}稿`, `Text version: draft ${d.version}`) +
        (d.contentHash ? t(locale, `；内容指纹（SHA-256）：${d.contentHash}`, `; content fingerprint (SHA-256): ${d.contentHash}`) : ''),
    },
    basis(locale, '《集体合同规定》第八条、第三十六条至第三十八条、第四十二条、第四十七条', 'Collective Contract Provisions, Arts 8, 36-38, 42 and 47'),
  );
  const typeName = label(CONTRACT_TYPES, d.contractType, locale);
  const subtitle = locale === 'en' ? `${typeName} (English rendering)` : d.parties.title.includes(typeName) ? undefined : typeName;
  return layout(d.parties.title, d, blocks, { ...(subtitle ? { subtitle } : {}), subject: d.parties.title, author: employer });
}

const passed = (e: HistoryEvent) => e.type === 'RECORD_VOTE' && e.toState === 'signing';
const enteredForce = (e: HistoryEvent) => e.toState === 'inForce' && e.fromState === 'underReview';

export const collectiveContract: DocumentTemplate<typeof CollectiveContractSchema> = {
  type: 'collective_contract',
  kind: 'collective',
  title: { 'zh-CN': '集体合同', en: 'Collective Contract' },
  schema: CollectiveContractSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const accept = (e: HistoryEvent) =>
      (passed(e) || e.type === 'SIGN_CONTRACT' || enteredForce(e)) && upTo(history, e.seq).some(passed);
    const source = findSource(history, accept, options.sourceSeq);
    if (!source) return null;
    const vote = [...upTo(history, source.seq)].reverse().find(passed)!;
    const version = latestBefore(history, vote.seq, 'DRAFT_AGREED')?.payload?.draftVersion ?? c.data?.frozenDraft?.version;
    const clauses = version ? draftClauses(c, history, version) : null;
    if (!clauses) return null;
    const since = upTo(history, source.seq).filter((e) => e.seq > vote.seq);
    const sign = [...since].reverse().find((e) => e.type === 'SIGN_CONTRACT');
    const inForce = sign && since.find((e) => e.seq > sign.seq && enteredForce(e));
    const frozen = [c.data?.frozenDraft, ...(c.data?.votes ?? []).map((v: any) => v.frozenDraft)].find((f: any) => f?.version === version);
    const contract = c.data?.contract;
    const reps = representativesAt(history, source.seq);
    const data: CollectiveContractData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      parties: collectiveParties(c, orgs, history),
      contractType: String(c.data?.contractType ?? ''),
      scope: String(c.data?.scope ?? ''),
      version,
      contentHash: frozen?.contentHash,
      clauses,
      signedOn: sign?.payload?.signedOn,
      termMonths: sign?.payload?.termMonths,
      termStart: sign?.payload?.termStart ?? (inForce && contract?.signedOn === sign?.payload?.signedOn ? contract?.termStart : undefined),
      inForceOn: inForce && (contract?.signedOn === sign?.payload?.signedOn && contract?.inForceOn ? contract.inForceOn : eventDate(inForce)),
      unionChief: chiefOf(reps.union),
      employerChief: chiefOf(reps.employer),
    });
    return { sourceSeq: source.seq, data };
  },
};
