import { chineseNumeral, cite, CITATION_PATTERN, createCalendar, NATIONAL_PACK, ruleDueDate, shippedPack, withOverrides } from '../../../src/rules';
import { COLLECTIVE_WIRING } from '../../../src/rules/collective-deadlines';
import { DISPUTE_WIRING } from '../../../src/rules/dispute-deadlines';

describe('citations', () => {
  it.each([
    [10, '十'], [11, '十一'], [14, '十四'], [20, '二十'], [22, '二十二'], [27, '二十七'], [47, '四十七'],
    [52, '五十二'], [100, '一百'], [105, '一百零五'], [110, '一百一十'], [205, '二百零五'], [1259, '一千二百五十九'], [1009, '一千零九'],
  ])('%i -> %s', (n, zh) => expect(chineseNumeral(n)).toBe(zh));

  it('uses the domain.md form', () => {
    expect(cite('Order17', 22)).toBe('企业劳动争议协商调解规定 第二十二条 / Order17 Art 22');
    expect(cite('LDMAL', 27)).toBe('劳动争议调解仲裁法 第二十七条 / LDMAL Art 27');
    expect(cite('CCP', 47)).toBe('集体合同规定 第四十七条 / CCP Art 47');
  });

  it('every rule of the national pack has a well-formed citation with its Arabic article number', () => {
    for (const [id, def] of Object.entries(NATIONAL_PACK.rules)) {
      expect([id, CITATION_PATTERN.test(def.citation)]).toEqual([id, true]);
      expect(def.citation).toMatch(/Art \d+/);
    }
  });
});

describe('national pack', () => {
  it('is versioned and shipped', () => {
    expect(NATIONAL_PACK).toMatchObject({ id: 'national', version: '2026.1' });
    expect(shippedPack('national', '2026.1')).toBe(NATIONAL_PACK);
    expect(shippedPack('national', '1999.1')).toBeUndefined();
  });

  it('has every rule of the domain.md §1 table, each wired to the planner, with the table\'s periods', () => {
    const wired = [...DISPUTE_WIRING, ...COLLECTIVE_WIRING].map((w) => w.ruleId).sort();
    expect(Object.keys(NATIONAL_PACK.rules).sort()).toEqual(wired);
    expect(wired).toHaveLength(18);
    const periods = Object.fromEntries(Object.entries(NATIONAL_PACK.rules).map(([id, r]) => [id, `${r.period ?? '-'} ${r.unit}`]));
    expect(periods).toEqual({
      'dispute.consultation.response': '5 calendar_days',
      'dispute.consultation.term': '- agreed_date',
      'dispute.settlement.performance': '- agreed_date',
      'dispute.mediation.acceptance': '3 working_days',
      'dispute.mediation.arbitrationRight': '15 calendar_days',
      'dispute.mediation.term': '15 calendar_days',
      'dispute.agreement.arbitralReview': '15 calendar_days',
      'dispute.agreement.judicialConfirmation': '30 calendar_days',
      'dispute.agreement.performance': '- agreed_date',
      'dispute.limitation': '1 years',
      'collective.request.response': '20 calendar_days',
      'collective.representatives.vacancy': '15 calendar_days',
      'collective.coordination.term': '30 calendar_days',
      'collective.filing': '10 calendar_days',
      'collective.review': '15 calendar_days',
      'collective.publication': '10 calendar_days',
      'collective.renewalWindow': '3 months_before_expiry',
      'collective.expiry': '- contract_term',
    });
  });

  it('the local publication rule is present but disabled; everything else is enabled', () => {
    expect(NATIONAL_PACK.rules['collective.publication']).toMatchObject({ enabled: false, certainty: 'local' });
    expect(Object.entries(NATIONAL_PACK.rules).filter(([, r]) => !r.enabled).map(([id]) => id)).toEqual(['collective.publication']);
    expect(NATIONAL_PACK.rules['collective.coordination.term'].maxExtensionDays).toBe(15);
    expect(NATIONAL_PACK.switches.swappedWorkdayIsWorkingDay).toBe(true);
  });

  it('is frozen', () => {
    expect(() => { (NATIONAL_PACK.rules['collective.filing'] as { period?: number }).period = 3; }).toThrow(TypeError);
    expect(NATIONAL_PACK.rules['collective.filing'].period).toBe(10);
  });
});

describe('withOverrides', () => {
  it('derives a new pack with a new version and leaves the base unchanged', () => {
    const pack = withOverrides(NATIONAL_PACK, {
      id: 'shanghai', version: 'shanghai-2026.1', jurisdiction: 'Shanghai',
      rules: { 'collective.request.response': { period: 15 }, 'collective.coordination.term': { maxExtensionDays: 10 } },
      switches: { swappedWorkdayIsWorkingDay: false },
    });
    expect(pack).toMatchObject({ id: 'shanghai', version: 'shanghai-2026.1', basedOn: 'national@2026.1', jurisdiction: 'Shanghai' });
    expect(pack.rules['collective.request.response']).toMatchObject({ period: 15, unit: 'calendar_days', citation: NATIONAL_PACK.rules['collective.request.response'].citation });
    expect(pack.rules['collective.coordination.term'].maxExtensionDays).toBe(10);
    expect(pack.switches.swappedWorkdayIsWorkingDay).toBe(false);
    expect(NATIONAL_PACK.rules['collective.request.response'].period).toBe(20);
  });

  it.each([
    [{ version: '2026.1' }, 'new version'],
    [{ version: '' }, 'own version'],
    [{ version: 'x', rules: { 'no.such.rule': { period: 1 } } }, 'unknown rule'],
    [{ version: 'x', rules: { 'collective.filing': { period: 0 } } }, 'bad period'],
    [{ version: 'x', rules: { 'collective.filing': { unit: 'weeks' } } }, 'unknown unit'],
    [{ version: 'x', switches: { noSuchSwitch: true } }, 'unknown switch'],
    [{ version: 'x', rules: { 'dispute.consultation.term': { unit: 'calendar_days' } } }, 'needs a period'],
  ])('refuses %j', (overrides, message) => {
    expect(() => withOverrides(NATIONAL_PACK, overrides as never)).toThrow(message);
  });
});

describe('ruleDueDate', () => {
  it('counts a rule of the pack as the planner does', () => {
    const cal = createCalendar();
    expect(ruleDueDate(NATIONAL_PACK, cal, 'collective.review', '2026-09-19').dueOn).toBe('2026-10-08');
    const local = withOverrides(NATIONAL_PACK, { version: 'wd', rules: { 'collective.review': { period: 15, unit: 'working_days' } } });
    // After Sat 09-19: 09-20 (swapped) to 09-24 = 5; 09-28 to 09-30 = 8; 10-08, 10-09, 10-10 (swapped) = 11; 10-12 to 10-15 = 15.
    expect(ruleDueDate(local, cal, 'collective.review', '2026-09-19').dueOn).toBe('2026-10-15');
    expect(() => ruleDueDate(NATIONAL_PACK, cal, 'dispute.consultation.term', '2026-09-19')).toThrow('not a periodic rule');
  });
});
