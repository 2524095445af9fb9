import { canonicalHash } from '../shared/canonical';
import type { Role } from '../shared/case-event';
import { shanghaiDate } from '../shared/time';
import type { ClauseTopic, CollectiveMachineEvent, EventOf, Member, Side } from './collective.events';
import type { CollectiveInput } from './collective.open';

/**
 * The data of a collective case (`data` in the API). Stored as JSON: optional facts are
 * omitted or null, never `undefined`, so a replay yields exactly the stored snapshot.
 */
export type Outcome = 'abandoned' | 'rescinded' | 'renewed' | 'expired' | 'withdrawn';
export type VoteResult = 'passed' | 'rejected' | 'noQuorum';

export interface Clause { topic: ClauseTopic; text: string; status: 'proposed' | 'agreed' | 'disputed'; proposedBy: Side }
export interface Draft { version: number; clauses: Clause[]; createdAt: string; editedBy: Side | null }
export interface FrozenDraft { version: number; contentHash: string }
export interface RepresentativeList { members: Member[]; chiefBasis?: string; namedOn: string }
export interface Vacancy { side: Side; name: string; reason?: string; reportedOn: string; filledOn?: string }
export interface Vote extends Omit<EventOf<'RECORD_VOTE'>, 'type' | 'occurredAt' | 'actor'> {
  recordedOn: string; draftVersion: number | null; result: VoteResult; frozenDraft?: FrozenDraft;
}
export interface Coordination {
  requestedOn: string; via: 'escalation' | 'request'; by: Side | null; reason?: string;
  acceptedOn?: string; extensions: { days: number; on: string }[];
  concludedOn?: string; result?: string; openMatters?: string[];
}
/** The contract as signed (SIGN_CONTRACT), before it enters into force. */
export interface SignedContract extends FrozenDraft { signedOn: string; termMonths: number; termStart: string | null }
/** The contract in force; `termStart` defaults to the in-force date (domain.md §1). */
export interface Contract extends SignedContract { termStart: string; inForceOn: string; approval: 'approved' | 'deemed' }
export interface Filing { receivedOn: string; reviewDueOn: string; reviewDueSource: 'calendar' | 'fallback'; on: string }
export interface Modification { ground: string; on: string; termRestated: boolean }

export interface CollectiveContext extends Omit<CollectiveInput, 'settings' | 'laborBureauId' | 'renewalOf'> {
  laborBureauId: string | null;
  renewalOf: string | null;
  settings: { approval: 'more_than_half' | 'at_least_half' };
  openedOn: string;
  request: { side: Side; receivedOn: string; proposedTime?: string; proposedPlace?: string; sentOn: string } | null;
  response: { agrees: boolean; reason?: string; on: string } | null;
  refusal: { reason: 'refused' | 'no_reply'; detail?: string; on: string } | null;
  representatives: { union: RepresentativeList | null; employer: RepresentativeList | null };
  recorder: { name: string; appointedOn: string } | null;
  vacancies: Vacancy[];
  meetings: ({ no: number } & Omit<EventOf<'RECORD_MEETING'>, 'type' | 'occurredAt' | 'actor'>)[];
  suspensions: { on: string; resumeBy: string; nextMeeting?: { time?: string; place?: string; agenda?: string }; resumedOn?: string }[];
  coordinations: Coordination[];
  drafts: Draft[];
  /** Latest draft version, 0 before the first EDIT_DRAFT. */
  draftVersion: number;
  agreedDraftVersion: number | null;
  votes: Vote[];
  /** The version the congress passed: exactly the text signed, filed and printed. */
  frozenDraft: FrozenDraft | null;
  signedContract: SignedContract | null;
  filing: Filing | null;
  objections: { opinion: string; servedOn: string; on: string }[];
  contract: Contract | null;
  previousContracts: (Contract & { supersededOn: string; ground: string })[];
  modification: Modification | null;
  publications: { on: string; method: string }[];
  /** Set when collective.renewalWindow elapsed (the window is open until expiry). */
  renewalWindowOpenedOn: string | null;
  renewal: { requestedOn: string; title?: string; side: Side | null } | null;
  warnings: { ruleId: string; on: string }[];
  outcome: Outcome | null;
  closedOn: string | null;
  closeDetail: { reason?: string; ground?: string } | null;
}

export function initialContext(input: CollectiveInput): CollectiveContext {
  const { settings, laborBureauId, renewalOf, ...body } = input;
  return {
    ...body,
    laborBureauId: laborBureauId ?? null,
    renewalOf: renewalOf ?? null,
    settings: { approval: settings?.approval ?? 'more_than_half' },
    openedOn: shanghaiDate(input.openedAt),
    request: null, response: null, refusal: null,
    representatives: { union: null, employer: null },
    recorder: null, vacancies: [], meetings: [], suspensions: [], coordinations: [],
    drafts: [], draftVersion: 0, agreedDraftVersion: null, votes: [], frozenDraft: null,
    signedContract: null, filing: null, objections: [], contract: null, previousContracts: [],
    modification: null, publications: [], renewalWindowOpenedOn: null, renewal: null,
    warnings: [], outcome: null, closedOn: null, closeDetail: null,
  };
}

/** Domain.md §5: a representative speaks for their side; officers and the system for none. */
export function sideOfRole(role: Role): Side | null {
  if (role === 'union_rep') return 'union';
  if (role === 'employer_rep') return 'employer';
  return null;
}

/** The Asia/Shanghai date of the event: the only clock a machine has. */
export const eventDate = (event: { occurredAt: string }): string => shanghaiDate(event.occurredAt);

/** The payload fields of an event, without the envelope and without undefined values. */
export function payloadOf<E extends CollectiveMachineEvent>(event: E): Omit<E, 'type' | 'occurredAt' | 'actor'> {
  const { type: _t, occurredAt: _o, actor: _a, ...rest } = event;
  return compact(rest) as Omit<E, 'type' | 'occurredAt' | 'actor'>;
}

/** Drops undefined values so that the stored JSON and the replayed context are identical. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Names compared as people write them: NFKC (full-width forms), whitespace collapsed. */
export const sameName = (a: string, b: string) => normalizeName(a) === normalizeName(b);
const normalizeName = (name: string) => name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** CCP Art 36 quorum and approval; counts are assumed coherent (collective.vote.counts). */
export function voteResult(ctx: CollectiveContext, vote: { total: number; present: number; yes: number }): VoteResult {
  if (vote.present * 3 < vote.total * 2) return 'noQuorum';
  const approved = ctx.settings.approval === 'at_least_half' ? vote.yes * 2 >= vote.total : vote.yes * 2 > vote.total;
  return approved ? 'passed' : 'rejected';
}

/** Lower-case hex SHA-256 of the canonical JSON of a clause set: the frozen text's fingerprint. */
export const contentHash = (clauses: Clause[]): string => canonicalHash(clauses);
