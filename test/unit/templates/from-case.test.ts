/** The data builders: default sources, explicit sourceSeq, and null when the source is missing. */
import {
  DOCUMENT_TYPES, type DocumentType, TEMPLATES, appliesTo, documentTypesFor, isDocumentType, prepareDocument,
} from '../../../templates/index';
import type { CaseRecord, HistoryEvent } from '../../../templates/source';
import {
  AGREEMENT_CASE, AGREEMENT_HISTORY, COLLECTIVE_CASE, COLLECTIVE_HISTORY, COLLECTIVE_ORGS, DECLINED_CASE, DECLINED_HISTORY,
  FAILURE_CASE, FAILURE_HISTORY, FRESH_COLLECTIVE_CASE, FRESH_COLLECTIVE_HISTORY, FRESH_DISPUTE_CASE, FRESH_DISPUTE_HISTORY,
  ORGS, SETTLEMENT_CASE, SETTLEMENT_HISTORY,
} from './fixtures';

const orgs = { ...ORGS, ...COLLECTIVE_ORGS };

/** The seq each document is drawn from by default in the fixtures. */
const DEFAULT_SOURCES: [DocumentType, CaseRecord, HistoryEvent[], number][] = [
  ['mediation_application', AGREEMENT_CASE, AGREEMENT_HISTORY, 1],
  ['mediation_application', FAILURE_CASE, FAILURE_HISTORY, 4],
  ['acceptance_notice', AGREEMENT_CASE, AGREEMENT_HISTORY, 2],
  ['acceptance_notice', DECLINED_CASE, DECLINED_HISTORY, 2],
  ['mediation_record', AGREEMENT_CASE, AGREEMENT_HISTORY, 4],
  ['mediation_agreement', AGREEMENT_CASE, AGREEMENT_HISTORY, 9],
  ['settlement_agreement', SETTLEMENT_CASE, SETTLEMENT_HISTORY, 3],
  ['mediation_failure_record', FAILURE_CASE, FAILURE_HISTORY, 7],
  ['case_history', AGREEMENT_CASE, AGREEMENT_HISTORY, 9],
  ['consultation_request', COLLECTIVE_CASE, COLLECTIVE_HISTORY, 2],
  ['consultation_reply', COLLECTIVE_CASE, COLLECTIVE_HISTORY, 3],
  ['representatives_list', COLLECTIVE_CASE, COLLECTIVE_HISTORY, 5],
  ['meeting_minutes', COLLECTIVE_CASE, COLLECTIVE_HISTORY, 14],
  ['collective_contract', COLLECTIVE_CASE, COLLECTIVE_HISTORY, 25],
  ['congress_resolution', COLLECTIVE_CASE, COLLECTIVE_HISTORY, 22],
  ['filing_form', COLLECTIVE_CASE, COLLECTIVE_HISTORY, 24],
  ['review_opinion', COLLECTIVE_CASE, COLLECTIVE_HISTORY, 19],
  ['coordination_agreement', COLLECTIVE_CASE, COLLECTIVE_HISTORY, 12],
  ['case_history', COLLECTIVE_CASE, COLLECTIVE_HISTORY, 25],
];

describe('fromCase default sources', () => {
  it.each(DEFAULT_SOURCES)('%s is drawn from its source event', (type, record, history, seq) => {
    const sourced = TEMPLATES[type].fromCase(record, history, orgs);
    expect(sourced?.sourceSeq).toBe(seq);
    // the extracted data satisfies the template's own schema
    expect(() => TEMPLATES[type].schema.parse(sourced!.data)).not.toThrow();
    expect((sourced!.data as { issuedAt: string }).issuedAt).toBe(history.find((e) => e.seq === seq)!.occurredAt);
  });
});

describe('fromCase returns null when the source does not exist yet', () => {
  const dispute = documentTypesFor('dispute').filter((t) => t !== 'case_history');
  const collective = documentTypesFor('collective').filter((t) => t !== 'case_history');

  it.each(dispute)('%s on a consultation request just opened', (type) => {
    expect(TEMPLATES[type].fromCase(FRESH_DISPUTE_CASE, FRESH_DISPUTE_HISTORY, orgs)).toBeNull();
  });

  it.each(collective)('%s on a collective case just opened', (type) => {
    expect(TEMPLATES[type].fromCase(FRESH_COLLECTIVE_CASE, FRESH_COLLECTIVE_HISTORY, orgs)).toBeNull();
  });

  it('case_history is null only for an empty history', () => {
    expect(TEMPLATES.case_history.fromCase(FRESH_DISPUTE_CASE, [], orgs)).toBeNull();
    expect(TEMPLATES.case_history.fromCase(FRESH_DISPUTE_CASE, FRESH_DISPUTE_HISTORY, orgs)?.sourceSeq).toBe(1);
  });

  it('the failure record, agreement and settlement do not apply to the other paths', () => {
    expect(TEMPLATES.mediation_failure_record.fromCase(AGREEMENT_CASE, AGREEMENT_HISTORY, orgs)).toBeNull();
    expect(TEMPLATES.mediation_agreement.fromCase(FAILURE_CASE, FAILURE_HISTORY, orgs)).toBeNull();
    expect(TEMPLATES.settlement_agreement.fromCase(AGREEMENT_CASE, AGREEMENT_HISTORY, orgs)).toBeNull();
    expect(TEMPLATES.mediation_record.fromCase(DECLINED_CASE, DECLINED_HISTORY, orgs)).toBeNull();
    // a consultation-route case has no mediation application until APPLY_MEDIATION
    expect(TEMPLATES.mediation_application.fromCase(SETTLEMENT_CASE, SETTLEMENT_HISTORY, orgs)).toBeNull();
  });

  it('the contract needs a passing vote: drafts alone are not a contract', () => {
    const beforeVote = COLLECTIVE_HISTORY.filter((e) => e.seq < 16);
    expect(TEMPLATES.collective_contract.fromCase(COLLECTIVE_CASE, beforeVote, orgs)).toBeNull();
  });
});

describe('explicit sourceSeq', () => {
  it('picks that event when it is a source of the document', () => {
    const first = TEMPLATES.mediation_record.fromCase(AGREEMENT_CASE, AGREEMENT_HISTORY, orgs, { sourceSeq: 3 });
    expect(first?.sourceSeq).toBe(3);
    expect((first!.data as { sessionNo: number }).sessionNo).toBe(1);
    const minutes = TEMPLATES.meeting_minutes.fromCase(COLLECTIVE_CASE, COLLECTIVE_HISTORY, orgs, { sourceSeq: 8 });
    expect(minutes?.data).toMatchObject({ meetingNo: 1, chairSide: 'union', chair: '赵静', recorder: '郑小红' });
    const objectedText = TEMPLATES.filing_form.fromCase(COLLECTIVE_CASE, COLLECTIVE_HISTORY, orgs, { sourceSeq: 18 });
    expect(objectedText?.data).toMatchObject({ receivedOn: '2026-05-12', signedOn: '2026-05-08' });
  });

  it('is null when that event is not a source of the document, or does not exist', () => {
    expect(TEMPLATES.mediation_record.fromCase(AGREEMENT_CASE, AGREEMENT_HISTORY, orgs, { sourceSeq: 2 })).toBeNull();
    expect(TEMPLATES.mediation_agreement.fromCase(AGREEMENT_CASE, AGREEMENT_HISTORY, orgs, { sourceSeq: 4 })).toBeNull();
    expect(TEMPLATES.acceptance_notice.fromCase(AGREEMENT_CASE, AGREEMENT_HISTORY, orgs, { sourceSeq: 99 })).toBeNull();
  });

  it('the history report stops at the source event', () => {
    const r = TEMPLATES.case_history.fromCase(AGREEMENT_CASE, AGREEMENT_HISTORY, orgs, { sourceSeq: 5 });
    expect(r?.data).toMatchObject({ state: 'agreement.awaitingSignatures', status: 'open' });
    expect((r!.data as { events: unknown[] }).events).toHaveLength(5);
  });

  it('the failure record takes the limitation date from the deadlines when not given directly', () => {
    const r = TEMPLATES.mediation_failure_record.fromCase(FAILURE_CASE, FAILURE_HISTORY, orgs, { deadlines: { 'dispute.limitation': '2027-09-21' } });
    expect(r?.data).toMatchObject({ limitationDueOn: '2027-09-21', failure: 'no_agreement', acceptedOn: '2026-09-22' });
  });
});

describe('user text inside template sentences', () => {
  it('never doubles the sentence end when a reason already ends with one', () => {
    const history = FAILURE_HISTORY.map((e) => (e.type === 'MEDIATION_FAILED' ? { ...e, payload: { reason: '双方分歧较大。' } } : e));
    const declined = DECLINED_HISTORY.map((e) => (e.type === 'DECLINE' ? { ...e, payload: { ...e.payload, detail: '被申请人拒绝调解。' } } : e));
    for (const locale of ['zh-CN', 'en'] as const) {
      const texts = [
        prepareDocument('mediation_failure_record', FAILURE_CASE, history, orgs, locale),
        prepareDocument('acceptance_notice', DECLINED_CASE, declined, orgs, locale),
      ].map((p) => JSON.stringify(p!.layout.blocks));
      for (const text of texts) expect(text).not.toMatch(/。。|\.\.|。\.|\.。/);
    }
  });
});

describe('registry', () => {
  it('has one template per document type, each with zh-CN and en titles', () => {
    expect(DOCUMENT_TYPES).toHaveLength(16);
    for (const type of DOCUMENT_TYPES) {
      expect(TEMPLATES[type].type).toBe(type);
      expect(TEMPLATES[type].title['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(TEMPLATES[type].title.en).toMatch(/^[A-Z]/);
    }
    expect(isDocumentType('mediation_agreement')).toBe(true);
    expect(isDocumentType('toString')).toBe(false);
  });

  it('maps each type to the case kind it applies to', () => {
    expect(documentTypesFor('dispute')).toHaveLength(7);
    expect(documentTypesFor('collective')).toHaveLength(10);
    expect(appliesTo('case_history', 'collective')).toBe(true);
    expect(appliesTo('mediation_agreement', 'collective')).toBe(false);
    expect(appliesTo('collective_contract', 'dispute')).toBe(false);
  });

  it('prepareDocument refuses a type of the other kind (DOCUMENT_NOT_APPLICABLE)', () => {
    expect(prepareDocument('collective_contract', AGREEMENT_CASE, AGREEMENT_HISTORY, orgs, 'zh-CN')).toBeNull();
    expect(prepareDocument('mediation_agreement', COLLECTIVE_CASE, COLLECTIVE_HISTORY, orgs, 'en')).toBeNull();
    const p = prepareDocument('mediation_agreement', AGREEMENT_CASE, AGREEMENT_HISTORY, orgs, 'en');
    expect(p?.layout.meta.createdAt).toBe(AGREEMENT_HISTORY[8]!.occurredAt);
    expect(p?.layout.caseNumber).toBe(AGREEMENT_CASE.number);
  });
});
