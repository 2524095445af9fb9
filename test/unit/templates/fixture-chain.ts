/** Builds a hash-chained history for fixtures (the shape of GET /cases/:id/history). */
import { createHash } from 'node:crypto';
import type { HistoryEvent } from '../../../templates/source';

export interface Step {
  type: string;
  payload?: Record<string, unknown>;
  role: string;
  id?: string | null;
  /** Beijing local time `YYYY-MM-DD HH:mm`. */
  at: string;
  to: string;
}

/** `2026-10-12 09:00` Beijing -> ISO instant. */
export function beijing(at: string): string {
  return new Date(Date.parse(`${at.replace(' ', 'T')}:00+08:00`)).toISOString();
}

export function chain(caseId: string, steps: Step[]): HistoryEvent[] {
  let prevHash = '0'.repeat(64);
  let from: string | null = null;
  return steps.map((s, i) => {
    const occurredAt = beijing(s.at);
    const actor = { id: s.id === undefined ? `user-${s.role}` : s.id, role: s.role };
    const body = { caseId, seq: i + 1, type: s.type, payload: s.payload ?? {}, actor, occurredAt, fromState: from, toState: s.to, prevHash };
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    const event: HistoryEvent = {
      seq: i + 1,
      type: s.type,
      payload: s.payload ?? {},
      actor,
      occurredAt,
      recordedAt: occurredAt,
      fromState: from,
      toState: s.to,
      hash,
      prevHash,
    };
    prevHash = hash;
    from = s.to;
    return event;
  });
}
