import { NATIONAL_PACK, withOverrides, type RulePack } from '../../../src/rules';
import { CaseSim } from './planner-harness';

const EXPIRY = 'collective.expiry';
const RENEWAL = 'collective.renewalWindow';

function requested(pack?: RulePack) {
  const sim = new CaseSim('collective', { pack });
  sim.open({ requester: 'union', contractType: 'comprehensive', scope: 'enterprise', title: 't', topics: ['pay'] }, 'requestDraft', '2026-09-01');
  expect(sim.changed()).toEqual([]);
  sim.apply({ type: 'SEND_REQUEST', receivedOn: '2026-09-10' }, '2026-09-10', 'awaitingResponse');
  return sim;
}

/** Through signing, filing and approval to a contract in force on 2027-01-08 for 24 months. */
function inForce(pack?: RulePack) {
  const sim = requested(pack);
  sim.apply({ type: 'RESPONSE', agrees: true }, '2026-09-20', 'preparing');
  sim.apply({ type: 'START_CONSULTATION' }, '2026-10-08', 'consulting');
  sim.apply({ type: 'DRAFT_AGREED', draftVersion: 1 }, '2026-11-01', 'congressReview');
  sim.apply({ type: 'RECORD_VOTE' }, '2026-12-01', 'signing');
  sim.apply({ type: 'SIGN_CONTRACT', signedOn: '2026-12-21', termMonths: 24 }, '2026-12-21', 'signed', { contract: { signedOn: '2026-12-21', termMonths: 24 } });
  sim.apply({ type: 'SUBMIT_FOR_FILING', receivedOn: '2026-12-28' }, '2026-12-28', 'underReview');
  sim.apply({ type: 'REVIEW_APPROVED' }, '2027-01-08', 'inForce', { inForceOn: '2027-01-08', contract: { signedOn: '2026-12-21', termMonths: 24, inForceOn: '2027-01-08' } });
  return sim;
}

describe('collective: request and response', () => {
  it('SEND_REQUEST schedules 20 days from receipt; RESPONSE meets it', () => {
    const sim = requested();
    expect(sim.row('collective.request.response')).toMatchObject({
      triggerOn: '2026-09-10', dueOn: '2026-09-30', period: 20, status: 'pending', citation: '集体合同规定 第三十二条 / CCP Art 32',
    });
    sim.apply({ type: 'RESPONSE', agrees: false }, '2026-09-20', 'refused');
    expect(sim.status('collective.request.response')).toBe('met');
  });

  it('no reply: the deadline fires', () => {
    const sim = requested();
    sim.fire('collective.request.response', 'refused');
    expect(sim.status('collective.request.response')).toBe('fired');
  });
});

describe('collective: representatives vacancy (CCP Art 31)', () => {
  it('tracks both sides in one row and is met when the last side is named again', () => {
    const sim = requested();
    sim.apply({ type: 'RESPONSE', agrees: true }, '2026-09-20', 'preparing');
    sim.apply({ type: 'REPORT_VACANCY', side: 'union', name: 'A' }, '2026-10-12');
    expect(sim.row('collective.representatives.vacancy')).toMatchObject({ triggerOn: '2026-10-12', dueOn: '2026-10-27', status: 'pending' });
    sim.apply({ type: 'REPORT_VACANCY', side: 'employer', name: 'B' }, '2026-10-20');
    expect(sim.row('collective.representatives.vacancy')).toMatchObject({ triggerOn: '2026-10-12', dueOn: '2026-10-27' });
    expect(sim.row('collective.representatives.vacancy').explanation).toContain('Also open: the employer side, due 2026-11-04');
    sim.apply({ type: 'NAME_REPRESENTATIVES', side: 'union', members: [] }, '2026-10-22');
    expect(sim.row('collective.representatives.vacancy')).toMatchObject({ triggerOn: '2026-10-20', dueOn: '2026-11-04', status: 'pending' });
    sim.apply({ type: 'NAME_REPRESENTATIVES', side: 'employer', members: [] }, '2026-10-23');
    expect(sim.status('collective.representatives.vacancy')).toBe('met');
  });

  it('naming the other side does not meet it; leaving for coordination cancels it', () => {
    const sim = requested();
    sim.apply({ type: 'RESPONSE', agrees: true }, '2026-09-20', 'preparing');
    sim.apply({ type: 'START_CONSULTATION' }, '2026-10-08', 'consulting');
    sim.apply({ type: 'REPORT_VACANCY', side: 'union', name: 'A' }, '2026-10-12');
    sim.apply({ type: 'NAME_REPRESENTATIVES', side: 'employer', members: [] }, '2026-10-13');
    expect(sim.status('collective.representatives.vacancy')).toBe('pending');
    sim.apply({ type: 'REQUEST_COORDINATION', reason: 'deadlock' }, '2026-10-14', 'coordination');
    expect(sim.status('collective.representatives.vacancy')).toBe('cancelled');
  });
});

describe('collective: coordination (CCP Art 52)', () => {
  it('30 days from acceptance, extended by at most 15 days in total', () => {
    const sim = requested();
    sim.apply({ type: 'RESPONSE', agrees: true }, '2026-09-20', 'preparing');
    sim.apply({ type: 'START_CONSULTATION' }, '2026-10-08', 'consulting');
    sim.apply({ type: 'REQUEST_COORDINATION', reason: 'deadlock' }, '2026-10-30', 'coordination');
    expect(sim.changed()).toEqual([]);
    sim.apply({ type: 'ACCEPT_COORDINATION' }, '2026-11-02');
    expect(sim.row('collective.coordination.term')).toMatchObject({ triggerOn: '2026-11-02', dueOn: '2026-12-02', period: 30 });
    sim.apply({ type: 'EXTEND_COORDINATION', days: 10 }, '2026-11-20');
    // 40 days: Sat 12-12, rolled to Mon 12-14.
    expect(sim.row('collective.coordination.term')).toMatchObject({ dueOn: '2026-12-14', period: 40, memo: { extensionDays: 10 } });
    sim.apply({ type: 'ACCEPT_COORDINATION' }, '2026-11-21');
    expect(sim.changed()).toEqual([]);
    sim.apply({ type: 'EXTEND_COORDINATION', days: 10 }, '2026-11-25');
    expect(sim.row('collective.coordination.term')).toMatchObject({ dueOn: '2026-12-17', period: 45 });
    expect(sim.last.notes.join(' ')).toContain('15 days allowed');
    sim.apply({ type: 'COORDINATION_CONCLUDED', result: 'r', openMatters: [] }, '2026-12-01', 'consulting');
    expect(sim.status('collective.coordination.term')).toBe('met');
  });
});

describe('collective: signing, filing, review, entry into force', () => {
  it('filing from signedOn, review from receivedOn, contract deadlines at entry into force', () => {
    const sim = inForce();
    expect(sim.row('collective.filing')).toMatchObject({ triggerOn: '2026-12-21', dueOn: '2026-12-31', status: 'met', citation: '集体合同规定 第四十二条 / CCP Art 42' });
    expect(sim.row('collective.review')).toMatchObject({ triggerOn: '2026-12-28', dueOn: '2027-01-12', status: 'met', provisional: true });
    expect(sim.row('collective.review').citation).toBe('集体合同规定 第四十七条 / CCP Art 47; 劳动合同法 第五十四条 / LCL Art 54');
    expect(sim.row(EXPIRY)).toMatchObject({ triggerOn: '2027-01-08', dueOn: '2029-01-07', period: 24, unit: 'months', status: 'pending' });
    expect(sim.row(EXPIRY).explanation).toContain('not rolled');
    expect(sim.row(RENEWAL)).toMatchObject({ triggerOn: '2029-01-07', dueOn: '2028-10-07', period: 3, unit: 'months_before_expiry', status: 'pending' });
    expect(sim.row(RENEWAL).explanation).toContain('i.e. on 2028-10-08');
    expect(sim.rows.has('collective.publication')).toBe(false);
  });

  it('deemed approval: in force from the day after the review due date', () => {
    const sim = requested();
    sim.apply({ type: 'RESPONSE', agrees: true }, '2026-09-20', 'preparing');
    sim.apply({ type: 'SIGN_CONTRACT', signedOn: '2026-12-21', termMonths: 12 }, '2026-12-21', 'signed', { contract: { termMonths: 12 } });
    sim.apply({ type: 'SUBMIT_FOR_FILING', receivedOn: '2026-12-28' }, '2026-12-28', 'underReview');
    sim.fire('collective.review', 'inForce');
    expect(sim.status('collective.review')).toBe('fired');
    expect(sim.row(EXPIRY)).toMatchObject({ triggerOn: '2027-01-13', dueOn: '2028-01-12' });
  });

  it('termStart in the context is the first day of the term', () => {
    const sim = requested();
    sim.apply({ type: 'SIGN_CONTRACT', signedOn: '2026-12-21', termMonths: 12, termStart: '2027-03-01' }, '2026-12-21', 'signed', { contract: { termMonths: 12, termStart: '2027-03-01' } });
    sim.apply({ type: 'SUBMIT_FOR_FILING', receivedOn: '2026-12-28' }, '2026-12-28', 'underReview');
    sim.apply({ type: 'REVIEW_APPROVED' }, '2027-01-08', 'inForce');
    expect(sim.row(EXPIRY)).toMatchObject({ triggerOn: '2027-03-01', dueOn: '2028-02-29' });
    expect(sim.row(RENEWAL).dueOn).toBe('2027-11-29');
  });

  it('an objection meets the review; re-signing reschedules the filing', () => {
    const sim = requested();
    sim.apply({ type: 'SIGN_CONTRACT', signedOn: '2026-12-21', termMonths: 12 }, '2026-12-21', 'signed', { contract: { termMonths: 12 } });
    sim.apply({ type: 'SUBMIT_FOR_FILING', receivedOn: '2026-12-28' }, '2026-12-28', 'underReview');
    sim.apply({ type: 'REVIEW_OBJECTION', opinion: 'o', servedOn: '2027-01-05' }, '2027-01-05', 'consulting');
    expect(sim.status('collective.review')).toBe('met');
    expect(sim.rows.has(EXPIRY)).toBe(false);
    sim.apply({ type: 'SIGN_CONTRACT', signedOn: '2027-02-01', termMonths: 12 }, '2027-02-01', 'signed');
    expect(sim.row('collective.filing')).toMatchObject({ triggerOn: '2027-02-01', dueOn: '2027-02-11', status: 'pending' });
  });

  it('the local publication rule is off nationally and on in a jurisdiction pack', () => {
    const tianjin = withOverrides(NATIONAL_PACK, { id: 'tianjin', version: 'tianjin-2026.1', jurisdiction: 'Tianjin', rules: { 'collective.publication': { enabled: true } } });
    const sim = inForce(tianjin);
    expect(sim.row('collective.publication')).toMatchObject({ triggerOn: '2027-01-08', dueOn: '2027-01-18', status: 'pending' });
    sim.apply({ type: 'PUBLISHED', on: '2027-01-10', method: 'notice board' }, '2027-01-10');
    expect(sim.changed()).toEqual(['collective.publication']);
    expect(sim.status('collective.publication')).toBe('met');
  });

  it('a jurisdiction may change a period and its unit', () => {
    const pack = withOverrides(NATIONAL_PACK, { id: 'local', version: 'local-1', rules: { 'collective.filing': { period: 5, unit: 'working_days' } } });
    const sim = requested(pack);
    sim.apply({ type: 'SIGN_CONTRACT', signedOn: '2026-12-21', termMonths: 12 }, '2026-12-21', 'signed');
    expect(sim.row('collective.filing')).toMatchObject({ dueOn: '2026-12-28', period: 5, unit: 'working_days' });
  });
});

describe('collective: the contract deadlines through a modification', () => {
  it('are kept by MODIFY and a same-term re-signing, and by re-entry into force', () => {
    const sim = inForce();
    const expiry = sim.row(EXPIRY);
    sim.apply({ type: 'MODIFY', ground: 'agreed_condition' }, '2027-06-01', 'consulting');
    expect(sim.changed()).toEqual([]);
    sim.apply({ type: 'SIGN_CONTRACT', signedOn: '2027-09-01', termMonths: 24 }, '2027-09-01', 'signed');
    expect(sim.changed()).toEqual(['collective.filing']);
    sim.apply({ type: 'SUBMIT_FOR_FILING', receivedOn: '2027-09-03' }, '2027-09-03', 'underReview');
    sim.apply({ type: 'REVIEW_APPROVED' }, '2027-09-10', 'inForce', { inForceOn: '2027-09-10' });
    expect(sim.changed()).toEqual(['collective.review']);
    expect(sim.row(EXPIRY)).toEqual(expiry);
  });

  it('are rescheduled when the modification restates the term (from the original start)', () => {
    const sim = inForce();
    sim.apply({ type: 'MODIFY', ground: 'agreed_condition' }, '2027-06-01', 'consulting');
    sim.apply({ type: 'SIGN_CONTRACT', signedOn: '2027-09-01', termMonths: 36 }, '2027-09-01', 'signed');
    expect(sim.changed()).toEqual(['collective.expiry', 'collective.filing', 'collective.renewalWindow']);
    expect(sim.row(EXPIRY)).toMatchObject({ triggerOn: '2027-01-08', dueOn: '2030-01-07', period: 36, status: 'pending' });
    expect(sim.row(EXPIRY).explanation).toContain('restates the term (previously 24 months from 2027-01-08)');
    expect(sim.row(RENEWAL)).toMatchObject({ dueOn: '2029-10-07', status: 'pending' });
  });

  it('the renewal window firing during a modification is a flag; expiry closes; closing cancels the rest', () => {
    const sim = inForce();
    sim.apply({ type: 'MODIFY', ground: 'agreed_condition' }, '2028-09-01', 'consulting');
    sim.fire(RENEWAL);
    expect(sim.changed()).toEqual([RENEWAL]);
    expect(sim.status(RENEWAL)).toBe('fired');
    expect(sim.status(EXPIRY)).toBe('pending');
  });

  it('RENEW meets a pending renewal deadline; rescission cancels the contract deadlines', () => {
    const renewed = inForce();
    renewed.apply({ type: 'RENEW' }, '2028-11-01');
    expect(renewed.status(RENEWAL)).toBe('met');
    const rescinded = inForce();
    rescinded.apply({ type: 'RESCIND', ground: 'force_majeure', agreedByBothSides: true }, '2027-05-01', 'closed');
    expect(rescinded.status(RENEWAL)).toBe('cancelled');
    expect(rescinded.status(EXPIRY)).toBe('cancelled');
  });

  it('expiry fires and the case closes', () => {
    const sim = inForce();
    sim.fire(RENEWAL, 'renewalWindow');
    sim.fire(EXPIRY, 'closed');
    expect(sim.status(EXPIRY)).toBe('fired');
    expect(sim.status(RENEWAL)).toBe('fired');
  });

  it('without termMonths in the context nothing is guessed', () => {
    const sim = requested();
    sim.apply({ type: 'SIGN_CONTRACT', signedOn: '2026-12-21', termMonths: 12 }, '2026-12-21', 'signed');
    sim.apply({ type: 'SUBMIT_FOR_FILING', receivedOn: '2026-12-28' }, '2026-12-28', 'underReview');
    sim.apply({ type: 'REVIEW_APPROVED' }, '2027-01-08', 'inForce');
    expect(sim.rows.has(EXPIRY)).toBe(false);
    expect(sim.last.notes.join(' ')).toContain('termMonths');
  });
});
