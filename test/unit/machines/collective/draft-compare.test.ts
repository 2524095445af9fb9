import { compareDrafts } from '../../../../machines/collective/draft-compare';
import type { Clause } from '../../../../machines/collective/collective.context';
import { toConsulting, union, employer } from './collective.fixtures';

const c = (topic: Clause['topic'], text: string, status: Clause['status'] = 'proposed', proposedBy: Clause['proposedBy'] = 'union'): Clause => ({
  topic, text, status, proposedBy,
});

describe('compareDrafts', () => {
  test('identical drafts: nothing added, removed or changed', () => {
    const a = [c('pay', 'x'), c('term', 'y')];
    expect(compareDrafts(a, [...a])).toEqual({ added: [], removed: [], changed: [] });
  });

  test('added, removed and changed by topic', () => {
    const a = [c('pay', '6%'), c('working_hours', '8h'), c('training', '每年40学时')];
    const b = [c('pay', '7%'), c('working_hours', '8h'), c('term', '一年')];
    expect(compareDrafts(a, b)).toEqual({
      added: [c('term', '一年')],
      removed: [c('training', '每年40学时')],
      changed: [{ topic: 'pay', index: 0, from: c('pay', '6%'), to: c('pay', '7%') }],
    });
  });

  test('two clauses of the same topic are told apart by their position within the topic', () => {
    const a = [c('pay', '基本工资'), c('working_hours', '8h'), c('pay', '加班费150%')];
    // A clause of another topic inserted first does not shift the pay clauses; the second pay clause changes.
    const b = [c('training', '培训'), c('pay', '基本工资'), c('working_hours', '8h'), c('pay', '加班费200%'), c('pay', '高温津贴')];
    expect(compareDrafts(a, b)).toEqual({
      added: [c('training', '培训'), c('pay', '高温津贴')],
      removed: [],
      changed: [{ topic: 'pay', index: 1, from: c('pay', '加班费150%'), to: c('pay', '加班费200%') }],
    });
    // Read the other way: the third pay clause is removed.
    expect(compareDrafts(b, a).removed).toEqual([c('training', '培训'), c('pay', '高温津贴')]);
  });

  test('a status or proposer change is a change', () => {
    const diff = compareDrafts([c('pay', 'x')], [c('pay', 'x', 'agreed')]);
    expect(diff.changed).toEqual([{ topic: 'pay', index: 0, from: c('pay', 'x'), to: c('pay', 'x', 'agreed') }]);
    expect(compareDrafts([c('pay', 'x')], [c('pay', 'x', 'proposed', 'employer')]).changed).toHaveLength(1);
  });

  test('works on recorded drafts: versions, defaults, the editing side, proposers kept for unchanged text', () => {
    const d = toConsulting()
      .do('EDIT_DRAFT', { clauses: [{ topic: 'pay', text: '6%' }, { topic: 'pay', text: '津贴', proposedBy: 'employer', status: 'disputed' }] }, union, '2026-01-20')
      .do('EDIT_DRAFT', { clauses: [{ topic: 'pay', text: '6%', status: 'agreed' }, { topic: 'training', text: '40学时' }] }, employer, '2026-01-21');
    const [v1, v2] = d.ctx.drafts;
    expect(v1).toEqual({
      version: 1,
      clauses: [c('pay', '6%'), c('pay', '津贴', 'disputed', 'employer')],
      createdAt: '2026-01-20T02:00:00.000Z',
      editedBy: 'union',
    });
    // The union's 6% clause, agreed word for word by the employer, is still the union's proposal;
    // the new training clause is the employer's.
    expect(v2).toMatchObject({ version: 2, clauses: [c('pay', '6%', 'agreed', 'union'), c('training', '40学时', 'proposed', 'employer')], editedBy: 'employer' });
    expect(d.ctx.draftVersion).toBe(2);
    expect(compareDrafts(v1, v2)).toEqual({
      added: [c('training', '40学时', 'proposed', 'employer')],
      removed: [c('pay', '津贴', 'disputed', 'employer')],
      changed: [{ topic: 'pay', index: 0, from: c('pay', '6%'), to: c('pay', '6%', 'agreed', 'union') }],
    });
  });
});
