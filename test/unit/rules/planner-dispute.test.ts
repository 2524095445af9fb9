import { CaseSim } from './planner-harness';

const dismissal = [{ type: 'dismissal', description: 'dismissed' }];

function consultationCase(receivedOn = '2026-09-21') {
  const sim = new CaseSim('dispute');
  sim.open({ route: 'consultation', channel: 'walk_in', receivedOn, claims: dismissal, knewOn: '2026-06-01' }, 'consultation.awaitingResponse', receivedOn);
  return sim;
}

function mediationCase(committeeType: 'peoples_mediation' | 'enterprise_committee' | null = 'peoples_mediation', claims: unknown[] = [
  { type: 'unpaid_wages', amount: '12000.00', description: 'wages' },
  { type: 'overtime_pay', amount: '3000.00', description: 'overtime' },
]) {
  const sim = new CaseSim('dispute', { committeeType });
  sim.open({ route: 'mediation', channel: 'written', receivedOn: '2026-09-30', claims, knewOn: '2026-08-01', employmentEndedOn: '2026-07-31' }, 'mediation.awaitingAcceptance', '2026-09-30');
  return sim;
}

describe('dispute: consultation route', () => {
  it('opening schedules the 5-day response (rolled over Mid-Autumn) and the limitation, nothing of mediation', () => {
    const sim = consultationCase();
    expect(sim.changed()).toEqual(['dispute.consultation.response', 'dispute.limitation']);
    expect(sim.row('dispute.consultation.response')).toMatchObject({
      triggerOn: '2026-09-21', dueOn: '2026-09-28', period: 5, unit: 'calendar_days', status: 'pending', provisional: false,
      citation: '企业劳动争议协商调解规定 第十条 / Order17 Art 10', owningStates: ['consultation.awaitingResponse'],
    });
    expect(sim.row('dispute.consultation.response').explanation).toContain('2026-09-26 is a Mid-Autumn Festival holiday (中秋节)');
  });

  it('agreement meets the response and schedules the agreed term, not rolled; an extension moves it', () => {
    const sim = consultationCase();
    sim.apply({ type: 'CONSULTATION_AGREED', until: '2026-10-04' }, '2026-09-24', 'consultation.consulting');
    expect(sim.status('dispute.consultation.response')).toBe('met');
    expect(sim.row('dispute.consultation.term')).toMatchObject({ triggerOn: '2026-09-24', dueOn: '2026-10-04', period: null, unit: 'agreed_date', status: 'pending' });
    expect(sim.row('dispute.consultation.term').explanation).toContain('CC Art 204');
    expect(sim.row('dispute.consultation.term').explanation).toContain('National Day holiday');

    sim.apply({ type: 'CONSULTATION_EXTENDED', until: '2026-10-20', writtenConsent: true }, '2026-09-30');
    expect(sim.changed()).toEqual(['dispute.consultation.term']);
    expect(sim.row('dispute.consultation.term')).toMatchObject({ triggerOn: '2026-09-24', dueOn: '2026-10-20', status: 'pending' });
    expect(sim.row('dispute.consultation.term').explanation).toContain('extended in writing on 2026-09-30');
  });

  it('settlement meets the term and schedules performance; performing meets it and closing cancels the limitation', () => {
    const sim = consultationCase();
    sim.apply({ type: 'CONSULTATION_AGREED', until: '2026-10-20' }, '2026-09-24', 'consultation.consulting');
    sim.apply({ type: 'SETTLEMENT_REACHED', performanceDue: '2026-11-01', terms: [] }, '2026-10-12', 'settled');
    expect(sim.status('dispute.consultation.term')).toBe('met');
    expect(sim.row('dispute.settlement.performance')).toMatchObject({ dueOn: '2026-11-01', unit: 'agreed_date', status: 'pending', citation: '企业劳动争议协商调解规定 第十一条 / Order17 Art 11' });
    sim.apply({ type: 'PERFORMED' }, '2026-10-30', 'closed');
    expect(sim.status('dispute.settlement.performance')).toBe('met');
    expect(sim.status('dispute.limitation')).toBe('cancelled');
  });

  it('a failed consultation leaves the term met and an unrelated rule untouched', () => {
    const sim = consultationCase();
    sim.apply({ type: 'CONSULTATION_AGREED', until: '2026-10-20' }, '2026-09-24', 'consultation.consulting');
    sim.apply({ type: 'CONSULTATION_FAILED', reason: 'no agreement' }, '2026-10-09', 'consultation.consultationFailed');
    expect(sim.status('dispute.consultation.term')).toBe('met');
  });

  it('the response deadline fires (deemed refusal); then mediation is applied for', () => {
    const sim = consultationCase();
    sim.fire('dispute.consultation.response', 'consultation.consultationFailed');
    expect(sim.status('dispute.consultation.response')).toBe('fired');
    sim.apply({ type: 'APPLY_MEDIATION' }, '2026-10-09', 'mediation.awaitingAcceptance');
    // 3 working days after Fri 2026-10-09: Sat 10-10 (swapped working day), Mon 10-12, Tue 10-13.
    expect(sim.row('dispute.mediation.acceptance')).toMatchObject({ triggerOn: '2026-10-09', dueOn: '2026-10-13', unit: 'working_days', period: 3 });
    expect(sim.row('dispute.mediation.acceptance').citation).toBe('企业劳动争议协商调解规定 第二十二条 / Order17 Art 22');
    // 15 days: Sat 10-24, rolled to Mon 10-26.
    expect(sim.row('dispute.mediation.arbitrationRight')).toMatchObject({ dueOn: '2026-10-26', owningStates: ['mediation.*'], citation: '劳动争议调解仲裁法 第十四条 / LDMAL Art 14' });
  });
});

describe('dispute: mediation route to agreement', () => {
  it('opening schedules acceptance (3 working days) and the arbitration right (15 days)', () => {
    const sim = mediationCase();
    expect(sim.changed()).toEqual(['dispute.limitation', 'dispute.mediation.acceptance', 'dispute.mediation.arbitrationRight']);
    expect(sim.row('dispute.mediation.acceptance').dueOn).toBe('2026-10-10');
    expect(sim.row('dispute.mediation.arbitrationRight').dueOn).toBe('2026-10-15');
  });

  it('acceptance meets its deadline and schedules the term; extensions lengthen it; a session touches nothing', () => {
    const sim = mediationCase();
    sim.apply({ type: 'ACCEPT', respondentConsent: true }, '2026-10-09', 'mediation.inProgress');
    expect(sim.status('dispute.mediation.acceptance')).toBe('met');
    expect(sim.status('dispute.mediation.arbitrationRight')).toBe('pending');
    expect(sim.row('dispute.mediation.term')).toMatchObject({ triggerOn: '2026-10-09', dueOn: '2026-10-26', period: 15 });

    sim.apply({ type: 'RECORD_SESSION', heldOn: '2026-10-12', attendees: [], summary: 's' }, '2026-10-12');
    expect(sim.changed()).toEqual([]);

    sim.apply({ type: 'EXTEND_MEDIATION', days: 10, applicantConsent: true, respondentConsent: true }, '2026-10-14');
    expect(sim.changed()).toEqual(['dispute.mediation.term']);
    // 10-09 + 25 = Tue 11-03.
    expect(sim.row('dispute.mediation.term')).toMatchObject({ triggerOn: '2026-10-09', dueOn: '2026-11-03', period: 25, status: 'pending' });
    expect(sim.row('dispute.mediation.term').explanation).toContain('15 days plus 10 days of extension');

    sim.apply({ type: 'EXTEND_MEDIATION', days: 5, applicantConsent: true, respondentConsent: true }, '2026-10-30');
    // 10-09 + 30 = Sun 11-08, rolled to Mon 11-09.
    expect(sim.row('dispute.mediation.term')).toMatchObject({ dueOn: '2026-11-09', period: 30 });
    expect(sim.row('dispute.mediation.term').explanation).toContain('rolled to 2026-11-09');
  });

  it('the arbitration-right flag fires alone; the agreement and entry into force schedule the agreement rules', () => {
    const sim = mediationCase();
    sim.apply({ type: 'ACCEPT', respondentConsent: true }, '2026-10-09', 'mediation.inProgress');
    sim.fire('dispute.mediation.arbitrationRight');
    expect(sim.changed()).toEqual(['dispute.mediation.arbitrationRight']);
    expect(sim.status('dispute.mediation.arbitrationRight')).toBe('fired');

    sim.apply({ type: 'AGREEMENT_DRAFTED', performanceDue: '2026-11-20', terms: [], performanceManner: 'transfer' }, '2026-10-20', 'agreement.awaitingSignatures', { agreement: { performanceDue: '2026-11-20' } });
    expect(sim.status('dispute.mediation.term')).toBe('met');
    expect(sim.status('dispute.mediation.arbitrationRight')).toBe('fired');

    sim.apply({ type: 'SIGN', signatory: 'applicant' }, '2026-11-05');
    expect(sim.changed()).toEqual([]);
    sim.apply({ type: 'SEAL' }, '2026-11-06', 'agreement.inForce', { agreement: { performanceDue: '2026-11-20', inForceOn: '2026-11-06' } });
    expect(sim.row('dispute.agreement.arbitralReview')).toMatchObject({ triggerOn: '2026-11-06', dueOn: '2026-11-23', status: 'pending' });
    expect(sim.row('dispute.agreement.arbitralReview').citation).toBe('企业劳动争议协商调解规定 第二十七条 / Order17 Art 27; 劳动人事争议仲裁办案规则 第七十四条 / ArbRules Art 74');
    expect(sim.row('dispute.agreement.judicialConfirmation')).toMatchObject({ triggerOn: '2026-11-06', dueOn: '2026-12-07', period: 30 });
    expect(sim.row('dispute.agreement.performance')).toMatchObject({ triggerOn: '2026-11-06', dueOn: '2026-11-20', unit: 'agreed_date' });

    sim.apply({ type: 'ARBITRAL_REVIEW_REQUESTED', joint: true }, '2026-11-10');
    expect(sim.changed()).toEqual(['dispute.agreement.arbitralReview']);
    expect(sim.status('dispute.agreement.arbitralReview')).toBe('met');

    sim.fire('dispute.agreement.performance');
    expect(sim.status('dispute.agreement.performance')).toBe('fired');
    sim.apply({ type: 'NOT_PERFORMED' }, '2026-11-25', 'agreement.breached');
    expect(sim.status('dispute.agreement.judicialConfirmation')).toBe('cancelled');
    expect(sim.status('dispute.agreement.performance')).toBe('fired');
    sim.apply({ type: 'REFER_TO_ARBITRATION' }, '2026-11-26', 'closed');
    expect(sim.status('dispute.limitation')).toBe('cancelled');
  });

  it('performing in force meets performance and cancels the pending review windows', () => {
    const sim = mediationCase();
    sim.apply({ type: 'ACCEPT', respondentConsent: true }, '2026-10-09', 'mediation.inProgress');
    sim.apply({ type: 'AGREEMENT_DRAFTED', performanceDue: '2026-11-20' }, '2026-10-12', 'agreement.awaitingSignatures', { agreement: { performanceDue: '2026-11-20' } });
    expect(sim.status('dispute.mediation.arbitrationRight')).toBe('met');
    sim.apply({ type: 'SEAL' }, '2026-10-13', 'agreement.inForce');
    sim.apply({ type: 'PERFORMED' }, '2026-10-20', 'closed');
    expect(sim.status('dispute.agreement.performance')).toBe('met');
    expect(sim.status('dispute.agreement.arbitralReview')).toBe('cancelled');
    expect(sim.status('dispute.agreement.judicialConfirmation')).toBe('cancelled');
  });

  describe('judicial confirmation only for a people\'s mediation committee and monetary claims', () => {
    const toForce = (sim: CaseSim) => {
      sim.apply({ type: 'ACCEPT', respondentConsent: true }, '2026-10-09', 'mediation.inProgress');
      sim.apply({ type: 'AGREEMENT_DRAFTED', performanceDue: '2026-11-20' }, '2026-10-12', 'agreement.awaitingSignatures', { agreement: { performanceDue: '2026-11-20' } });
      return sim.apply({ type: 'SEAL' }, '2026-10-13', 'agreement.inForce');
    };
    it('enterprise committee: none, with a note', () => {
      const sim = mediationCase('enterprise_committee');
      const out = toForce(sim);
      expect(sim.rows.has('dispute.agreement.judicialConfirmation')).toBe(false);
      expect(out.notes.join(' ')).toContain("people's mediation");
      expect(sim.status('dispute.agreement.arbitralReview')).toBe('pending');
    });
    it('unknown committee type: none', () => {
      const sim = mediationCase(null);
      toForce(sim);
      expect(sim.rows.has('dispute.agreement.judicialConfirmation')).toBe(false);
    });
    it('a non-monetary claim: none, with a note', () => {
      const sim = mediationCase('peoples_mediation', [{ type: 'unpaid_wages', description: 'w' }, { type: 'dismissal', description: 'd' }]);
      const out = toForce(sim);
      expect(sim.rows.has('dispute.agreement.judicialConfirmation')).toBe(false);
      expect(out.notes.join(' ')).toContain('dismissal');
    });
    it('every claim monetary: scheduled, 30 days from entry into force', () => {
      const sim = mediationCase('peoples_mediation', [{ type: 'damages', description: 'd' }, { type: 'economic_compensation', description: 'e' }]);
      toForce(sim);
      // 2026-10-13 + 30 = Thu 11-12.
      expect(sim.row('dispute.agreement.judicialConfirmation')).toMatchObject({ dueOn: '2026-11-12', status: 'pending' });
      expect(sim.row('dispute.agreement.judicialConfirmation').citation).toBe('民事诉讼法 第二百零五条 / CPL Art 205; 最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第五十二条 / SPC1 Art 52');
    });
  });

  it('declining closes the case: acceptance met, the arbitration right and limitation cancelled', () => {
    const sim = mediationCase();
    sim.apply({ type: 'DECLINE', reason: 'respondent_refuses' }, '2026-10-08', 'closed');
    expect(sim.status('dispute.mediation.acceptance')).toBe('met');
    expect(sim.status('dispute.mediation.arbitrationRight')).toBe('cancelled');
    expect(sim.status('dispute.limitation')).toBe('cancelled');
  });

  it('withdrawal during mediation cancels the term and the arbitration right', () => {
    const sim = mediationCase();
    sim.apply({ type: 'ACCEPT', respondentConsent: true }, '2026-10-09', 'mediation.inProgress');
    sim.apply({ type: 'WITHDRAWN', by: 'applicant' }, '2026-10-12', 'closed');
    expect(sim.status('dispute.mediation.term')).toBe('cancelled');
    expect(sim.status('dispute.mediation.arbitrationRight')).toBe('cancelled');
  });

  it('mediation failure cancels the term (left its state) and keeps the arbitration right (still mediation.*)', () => {
    const sim = mediationCase();
    sim.apply({ type: 'ACCEPT', respondentConsent: true }, '2026-10-09', 'mediation.inProgress');
    sim.apply({ type: 'MEDIATION_FAILED', reason: 'x' }, '2026-10-12', 'mediation.mediationFailed');
    expect(sim.status('dispute.mediation.term')).toBe('cancelled');
    expect(sim.status('dispute.mediation.arbitrationRight')).toBe('pending');
  });

  it('the mediation term fires (deemed failure)', () => {
    const sim = mediationCase();
    sim.apply({ type: 'ACCEPT', respondentConsent: true }, '2026-10-09', 'mediation.inProgress');
    sim.fire('dispute.mediation.term', 'mediation.mediationFailed');
    expect(sim.status('dispute.mediation.term')).toBe('fired');
    expect(sim.status('dispute.mediation.arbitrationRight')).toBe('pending');
  });
});
