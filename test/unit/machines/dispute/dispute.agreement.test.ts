/**
 * The mediation agreement (LDMAL Art 14): in force when applicant, respondent and mediator have
 * signed and the seal is affixed, in whatever order; the last of these moves the case.
 */
import { drive, kindOf, reach, send, type Step } from './dispute.fixtures';

type Part = 'applicant' | 'respondent' | 'mediator' | 'seal';
const PARTS: Part[] = ['applicant', 'respondent', 'mediator', 'seal'];

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const stepOf = (part: Part, on: string): Step => (part === 'seal' ? ['SEAL', {}, on] : ['SIGN', { signatory: part }, on]);

describe('signature completion', () => {
  it.each(permutations(PARTS).map((order) => [order.join(' > '), order] as const))('order %s', (_label, order) => {
    let current = reach('agreement.awaitingSignatures');
    order.forEach((part, i) => {
      const on = `2026-03-${String(11 + i).padStart(2, '0')}`;
      current = drive(current, [stepOf(part, on)]);
      const last = i === order.length - 1;
      expect(current.state).toBe(last ? 'agreement.inForce' : 'agreement.awaitingSignatures');
      expect(current.persisted.context.agreement.inForceOn).toBe(last ? on : undefined);
    });
    const { agreement } = current.persisted.context;
    expect(Object.keys(agreement.signatures).sort()).toEqual(['applicant', 'mediator', 'respondent']);
    expect(agreement.sealedOn).toBe(`2026-03-${String(11 + order.indexOf('seal')).padStart(2, '0')}`);
  });

  it('records each signature with its method (default: signature) and day', () => {
    const result = drive(reach('agreement.awaitingSignatures'), [
      ['SIGN', { signatory: 'applicant', method: 'thumbprint' }, '2026-03-11'],
      ['SIGN', { signatory: 'respondent', method: 'seal' }, '2026-03-12'],
      ['SIGN', { signatory: 'mediator' }, '2026-03-13'],
      ['SEAL', {}, '2026-03-13T23:30:00+08:00'],
    ]);
    expect(result.persisted.context.agreement).toMatchObject({
      signatures: {
        applicant: { method: 'thumbprint', on: '2026-03-11' },
        respondent: { method: 'seal', on: '2026-03-12' },
        mediator: { method: 'signature', on: '2026-03-13' },
      },
      sealedOn: '2026-03-13',
      inForceOn: '2026-03-13',
    });
  });

  it('a signatory cannot sign twice, nor the seal be affixed twice (409, first record kept)', () => {
    const partly = drive(reach('agreement.awaitingSignatures'), [
      ['SIGN', { signatory: 'applicant' }, '2026-03-11'],
      ['SEAL', {}, '2026-03-11'],
    ]);
    expect(kindOf(send(partly.persisted, 'SIGN', { signatory: 'applicant', method: 'seal' }, '2026-03-12'))).toBe('not_allowed');
    expect(kindOf(send(partly.persisted, 'SEAL', {}, '2026-03-12'))).toBe('not_allowed');
    expect(kindOf(send(partly.persisted, 'SIGN', { signatory: 'mediator' }, '2026-03-12'))).toBe('ok');
  });

  it('no SIGN or SEAL once in force', () => {
    const inForce = reach('agreement.inForce').persisted;
    expect(kindOf(send(inForce, 'SIGN', { signatory: 'mediator' }, '2026-03-20'))).toBe('not_allowed');
    expect(kindOf(send(inForce, 'SEAL', {}, '2026-03-20'))).toBe('not_allowed');
  });

  it('AGREEMENT_DRAFTED records terms, due date and manner with no signature', () => {
    const { agreement } = reach('agreement.awaitingSignatures').persisted.context;
    expect(agreement).toEqual({
      terms: [{ description: '支付工资', amount: '12000.00' }],
      performanceDue: '2026-05-15',
      performanceManner: '银行转账',
      draftedOn: '2026-03-10',
      signatures: {},
    });
  });
});
