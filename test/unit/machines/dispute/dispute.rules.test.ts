/** Each legal guard of §2: the event it lets through and its 422 with rule id and citation. */
import { disputeDefinition, disputeRules } from '../../../../machines/dispute';
import { drive, kindOf, reach, SAMPLE, send } from './dispute.fixtures';

/** A refusal by `rule` whose citation names the Arabic article (domain.md "Citations"). */
function expectRule(decision: ReturnType<typeof send>, rule: string, article: string) {
  expect(decision).toMatchObject({ ok: false, refusal: { kind: 'rule', rule } });
  if (decision.ok || decision.refusal.kind !== 'rule') throw new Error('unreachable');
  expect(decision.refusal.citation).toContain(article);
  expect(decision.refusal.citation).toBe(disputeRules[rule].citation);
  expect(decision.refusal.description.length).toBeGreaterThan(10);
}

describe('dispute rule book', () => {
  const EXPECTED: Record<string, string> = {
    'dispute.settlement.afterDue': '劳动争议调解仲裁法 第五条 / LDMAL Art 5',
    'dispute.accept.respondentConsent': '企业劳动争议协商调解规定 第二十二条 / Order17 Art 22',
    'dispute.extend.bothConsent': '企业劳动争议协商调解规定 第二十九条 / Order17 Art 29',
    'dispute.refer.arbitrationRight': '劳动争议调解仲裁法 第十四条 / LDMAL Art 14',
    'dispute.review.window': '企业劳动争议协商调解规定 第二十七条 / Order17 Art 27',
    'dispute.review.notLaborRelationship': '劳动人事争议仲裁办案规则 第七十五条 / ArbRules Art 75',
    'dispute.breach.afterDue': '劳动争议调解仲裁法 第十五条 / LDMAL Art 15',
    'dispute.paymentOrder.monetaryClaims': '劳动争议调解仲裁法 第十六条 / LDMAL Art 16',
  };

  it('has exactly the ids and citations of domain.md', () => {
    const actual = Object.fromEntries(Object.values(disputeRules).map((r) => [r.id, r.citation]));
    expect(actual).toEqual(EXPECTED);
    for (const [key, rule] of Object.entries(disputeRules)) expect(key).toBe(rule.id);
  });

  it('every rule guards some transition of the machine, and every legal guard names a known rule', () => {
    const used = new Set<string>();
    const visit = (node: any) => {
      for (const transitions of node.transitions.values())
        for (const t of transitions) if (t.guard?.type === 'legal') t.guard.params.rules.forEach((id: string) => used.add(id));
      Object.values(node.states).forEach(visit);
    };
    visit(disputeDefinition.machine.root);
    expect([...used].sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe('dispute.settlement.afterDue (LDMAL Art 5)', () => {
  // The settlement's performanceDue is 2026-04-10.
  it('refuses NOT_PERFORMED on the due date, even at 23:59 Asia/Shanghai', () => {
    const settled = reach('settled').persisted;
    expectRule(send(settled, 'NOT_PERFORMED', {}, '2026-04-10T23:59:59+08:00'), 'dispute.settlement.afterDue', 'LDMAL Art 5');
  });
  it('accepts it from 00:00 Asia/Shanghai the day after (16:00Z on the due date)', () => {
    const result = send(reach('settled').persisted, 'NOT_PERFORMED', { detail: '未付' }, '2026-04-10T16:00:00Z');
    expect(result).toMatchObject({ ok: true, state: 'consultation.consultationFailed' });
    if (result.ok) expect(result.persisted.context.settlement.notPerformed).toEqual({ detail: '未付', on: '2026-04-11', breachedOn: '2026-04-11' });
  });
  it('does not refuse PERFORMED before the due date', () => {
    expect(send(reach('settled').persisted, 'PERFORMED', {}, '2026-03-20')).toMatchObject({ ok: true, outcome: 'resolved' });
  });
});

describe('dispute.accept.respondentConsent (Order17 Art 22)', () => {
  it('refuses ACCEPT without the respondent consent', () => {
    const from = reach('mediation.awaitingAcceptance').persisted;
    expectRule(send(from, 'ACCEPT', { respondentConsent: false }, '2026-03-03'), 'dispute.accept.respondentConsent', 'Art 22');
  });
  it('accepts with it, recording the mediators', () => {
    const result = send(reach('mediation.awaitingAcceptance').persisted, 'ACCEPT', SAMPLE.ACCEPT, '2026-03-03');
    expect(result).toMatchObject({ ok: true, state: 'mediation.inProgress' });
    if (result.ok)
      expect(result.persisted.context.mediation).toMatchObject({ acceptedOn: '2026-03-03', respondentConsent: true, mediatorIds: SAMPLE.ACCEPT.mediatorIds });
  });
});

describe('dispute.extend.bothConsent (Order17 Art 29)', () => {
  it.each([
    [false, true],
    [true, false],
    [false, false],
  ])('refuses EXTEND_MEDIATION with applicantConsent=%s respondentConsent=%s', (applicantConsent, respondentConsent) => {
    const from = reach('mediation.inProgress').persisted;
    const decision = send(from, 'EXTEND_MEDIATION', { days: 5, applicantConsent, respondentConsent }, '2026-04-10');
    expectRule(decision, 'dispute.extend.bothConsent', 'Art 29');
  });
  it('accepts with both and adds up the extension days', () => {
    const from = reach('mediation.inProgress');
    const result = drive(from, [
      ['EXTEND_MEDIATION', { days: 5, applicantConsent: true, respondentConsent: true }, '2026-04-10'],
      ['EXTEND_MEDIATION', { days: 7, applicantConsent: true, respondentConsent: true }, '2026-04-12'],
    ]);
    expect(result.state).toBe('mediation.inProgress');
    expect(result.persisted.context.mediation).toMatchObject({
      extensionDays: 12,
      extensions: [
        { days: 5, on: '2026-04-10' },
        { days: 7, on: '2026-04-12' },
      ],
    });
  });
});

describe('dispute.refer.arbitrationRight (LDMAL Art 14)', () => {
  it.each(['mediation.awaitingAcceptance', 'mediation.inProgress'])('refuses REFER_TO_ARBITRATION in %s before the right opens', (state) => {
    expectRule(send(reach(state).persisted, 'REFER_TO_ARBITRATION', {}, '2026-04-02'), 'dispute.refer.arbitrationRight', 'Art 14');
  });
  it.each(['mediation.awaitingAcceptance', 'mediation.inProgress', 'mediation.mediationFailed'])('accepts it in %s once the 15 days elapsed', (state) => {
    const opened = drive(reach(state), [['DEADLINE_ELAPSED', { ruleId: 'dispute.mediation.arbitrationRight' }, '2026-04-04']]);
    expect(opened.persisted.context.arbitrationRightOpen).toBe(true);
    const result = send(opened.persisted, 'REFER_TO_ARBITRATION', { commission: '仲裁委' }, '2026-04-05');
    expect(result).toMatchObject({ ok: true, state: 'closed', outcome: 'referredToArbitration' });
    if (result.ok) expect(result.persisted.context.referral).toEqual({ commission: '仲裁委', on: '2026-04-05' });
  });
  it.each([
    ['MEDIATION_FAILED', SAMPLE.MEDIATION_FAILED],
    ['PARTY_REFUSED', SAMPLE.PARTY_REFUSED],
  ])('accepts it in mediationFailed (after %s) without the flag', (type, payload) => {
    const failed = drive(reach('mediation.inProgress'), [[type, payload, '2026-04-02']]);
    expect(failed.persisted.context.arbitrationRightOpen).toBe(false);
    expect(send(failed.persisted, 'REFER_TO_ARBITRATION', {}, '2026-04-02')).toMatchObject({ ok: true, outcome: 'referredToArbitration' });
  });
  it('accepts it after an abandoned agreement', () => {
    const failed = drive(reach('agreement.awaitingSignatures'), [['AGREEMENT_ABANDONED', { reason: '反悔' }, '2026-04-06']]);
    expect(failed.state).toBe('mediation.mediationFailed');
    expect(failed.persisted.context.mediation.failure).toEqual({ kind: 'agreementAbandoned', reason: '反悔', on: '2026-04-06' });
    expect(send(failed.persisted, 'REFER_TO_ARBITRATION', {}, '2026-04-07')).toMatchObject({ ok: true });
  });
});

describe('arbitral review: dispute.review.window (Order17 Art 27) and notLaborRelationship (ArbRules Art 75)', () => {
  it('accepts a joint request inside the window and records the first date', () => {
    const result = drive(reach('agreement.inForce'), [
      ['ARBITRAL_REVIEW_REQUESTED', { joint: true }, '2026-04-10'],
      ['ARBITRAL_REVIEW_REQUESTED', { joint: true }, '2026-04-11'],
    ]);
    expect(result.state).toBe('agreement.inForce');
    expect(result.persisted.context.agreement.arbitralReviewRequestedOn).toBe('2026-04-10');
  });
  it('refuses it once the review deadline has fired', () => {
    const closedWindow = drive(reach('agreement.inForce'), [['DEADLINE_ELAPSED', { ruleId: 'dispute.agreement.arbitralReview' }, '2026-04-23T00:00:00+08:00']]);
    expectRule(send(closedWindow.persisted, 'ARBITRAL_REVIEW_REQUESTED', { joint: true }, '2026-04-23'), 'dispute.review.window', 'Art 27');
  });
  it('refuses it when a claim is about confirming a labor relationship', () => {
    const claims = [{ type: 'labor_relationship', description: '确认劳动关系' }];
    const from = reach('agreement.inForce', { claims }).persisted;
    expectRule(send(from, 'ARBITRAL_REVIEW_REQUESTED', { joint: true }, '2026-04-10'), 'dispute.review.notLaborRelationship', 'ArbRules Art 75');
  });
});

describe('dispute.breach.afterDue (LDMAL Art 15)', () => {
  // The agreement's performanceDue is 2026-05-15.
  it('refuses NOT_PERFORMED on or before the due date', () => {
    const from = reach('agreement.inForce').persisted;
    expectRule(send(from, 'NOT_PERFORMED', {}, '2026-05-15T23:00:00+08:00'), 'dispute.breach.afterDue', 'LDMAL Art 15');
  });
  it('accepts it after the due date and records the breach', () => {
    const result = send(reach('agreement.inForce').persisted, 'NOT_PERFORMED', { detail: '分文未付' }, '2026-05-16T00:00:00+08:00');
    expect(result).toMatchObject({ ok: true, state: 'agreement.breached' });
    if (result.ok) expect(result.persisted.context.agreement.breach).toEqual({ detail: '分文未付', on: '2026-05-16', breachedOn: '2026-05-16' });
  });
});

describe('dispute.paymentOrder.monetaryClaims (LDMAL Art 16)', () => {
  it('accepts a payment order when every claim is monetary', () => {
    const result = send(reach('agreement.breached').persisted, 'PAYMENT_ORDER_APPLIED', { court: '某区法院' }, '2026-05-20');
    expect(result).toMatchObject({ ok: true, state: 'closed', outcome: 'paymentOrder' });
    if (result.ok) expect(result.persisted.context.paymentOrder).toEqual({ court: '某区法院', on: '2026-05-20' });
  });
  it('refuses it when one claim is not monetary', () => {
    const claims = [
      { type: 'unpaid_wages', amount: '100.00', description: '工资' },
      { type: 'social_insurance', description: '补缴社保' },
    ];
    const from = reach('agreement.breached', { claims }).persisted;
    expectRule(send(from, 'PAYMENT_ORDER_APPLIED', {}, '2026-05-20'), 'dispute.paymentOrder.monetaryClaims', 'LDMAL Art 16');
    // Arbitration stays open for the same case.
    expect(kindOf(send(from, 'REFER_TO_ARBITRATION', {}, '2026-05-20'))).toBe('ok');
  });
  it.each(['unpaid_wages', 'overtime_pay', 'work_injury_medical', 'economic_compensation', 'damages'])('%s counts as monetary', (type) => {
    const from = reach('agreement.breached', { claims: [{ type, description: 'x' }] }).persisted;
    expect(kindOf(send(from, 'PAYMENT_ORDER_APPLIED', {}, '2026-05-20'))).toBe('ok');
  });
});

