/**
 * What a template's data builder reads: the case, its history and the organizations it names.
 * Builders are pure: a document is drawn from the history up to its source event, so the same
 * `sourceSeq` always gives the same data (and the same PDF bytes).
 */
import { shanghaiDate } from '../machines/shared/time';

export type CaseKind = 'dispute' | 'collective';

export interface CaseRecord {
  id: string;
  number: string;
  kind: CaseKind;
  state: string;
  status: 'open' | 'closed';
  outcome?: string | null;
  /** The machine's context (dispute: applicant, claims, mediation...; collective: title, drafts...). */
  data: any;
}

export interface HistoryEvent {
  seq: number;
  type: string;
  payload: any;
  actor: { id: string | null; role: string };
  occurredAt: string;
  recordedAt: string;
  fromState: string | null;
  toState: string;
  hash: string;
  prevHash: string;
}

/** Organization names by id (committee, union, employer, labor bureau, arbitration commission). */
export type Orgs = Record<string, { name: string; kind: string; region?: string | null }>;

/** The result of `GET /cases/:id/verify`. */
export type ChainVerification =
  | { ok: true; events: number; headHash: string }
  | { ok: false; brokenAt: number; reason: string };

export interface FromCaseOptions {
  /** Draw the document from this event instead of the default source. */
  sourceSeq?: number;
  /** Due date of the `dispute.limitation` deadline (failure record). */
  limitationDueOn?: string | null;
  /** Due dates of the case's deadlines by rule id (reply and review due dates). */
  deadlines?: Record<string, string>;
  /** Chain verification result (case history report). */
  verification?: ChainVerification;
  /** Names of the people who acted, by user id (case history report). */
  people?: Record<string, string>;
}

export interface Sourced<T> {
  sourceSeq: number;
  data: T;
}

export type FromCase<T> = (
  caseRecord: CaseRecord,
  history: readonly HistoryEvent[],
  orgs: Orgs,
  options?: FromCaseOptions,
) => Sourced<T> | null;

/**
 * The source event: the explicit `sourceSeq` when it is one of `accept`, else the latest event
 * that `accept`s. `null` when there is none (-> 422 DOCUMENT_NOT_APPLICABLE).
 */
export function findSource(
  history: readonly HistoryEvent[],
  accept: (e: HistoryEvent) => boolean,
  sourceSeq?: number,
): HistoryEvent | null {
  if (sourceSeq !== undefined) {
    const e = history.find((h) => h.seq === sourceSeq);
    return e && accept(e) ? e : null;
  }
  for (let i = history.length - 1; i >= 0; i--) if (accept(history[i]!)) return history[i]!;
  return null;
}

export const ofType =
  (...types: string[]) =>
  (e: HistoryEvent): boolean =>
    types.includes(e.type);

/** Events up to and including `seq`, oldest first. */
export function upTo(history: readonly HistoryEvent[], seq: number): HistoryEvent[] {
  return history.filter((e) => e.seq <= seq).sort((a, b) => a.seq - b.seq);
}

/** Latest event of one of `types` at or before `seq`. */
export function latestBefore(history: readonly HistoryEvent[], seq: number, ...types: string[]): HistoryEvent | undefined {
  const events = upTo(history, seq).filter((e) => types.includes(e.type));
  return events[events.length - 1];
}

/** Asia/Shanghai date of the event (the trigger date when the payload carries none). */
export function eventDate(e: HistoryEvent): string {
  return shanghaiDate(e.occurredAt);
}

/** Name of an organization, or a placeholder that says it is unknown. */
export function orgName(orgs: Orgs, id: string | null | undefined, fallback: string): string {
  return (id && orgs[id]?.name) || fallback;
}
