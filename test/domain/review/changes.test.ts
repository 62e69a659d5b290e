/** What changed since the last result, by finding key: "1 funn løst, 1 nytt". */
import { finding } from '../../../src/domain/findings';
import { describeChanges, noChanges, resultChanges } from '../../../src/domain/review';
import { findingsOf, helsedesignBudgetRaised, insertRowsAbove, sampleSnapshot, typeOver } from './fixtures';

const unknownLine = finding({
  code: 'UNKNOWN_LINE',
  cells: ['Budsjett!A12'],
  params: { sheet: 'Budsjett', label: 'Konsulenter' },
});

describe('resultChanges', () => {
  const sample = findingsOf(sampleSnapshot());

  it('finds nothing changed when only the addresses moved', () => {
    const c = resultChanges(sample, findingsOf(insertRowsAbove(sampleSnapshot(), 2)));
    expect(noChanges(c)).toBe(true);
    expect(describeChanges(c, 'nb')).toBe('Ingen endringer');
    expect(describeChanges(c, 'en')).toBe('No changes');
  });

  it('says "1 funn løst, 1 nytt" when one finding goes and another comes', () => {
    const fixedDuplicate = sample.filter((f) => f.code !== 'DUPLICATE_ID');
    const c = resultChanges(sample, [...fixedDuplicate, unknownLine]);
    expect(c.resolved.map((x) => x.key)).toEqual(['DUPLICATE_ID|project=1.3']);
    expect(c.added.map((x) => x.key)).toEqual(['UNKNOWN_LINE|sheet=Budsjett|label=Konsulenter']);
    expect(c.changed).toEqual([]);
    expect(describeChanges(c, 'nb')).toBe('1 funn løst, 1 nytt');
    expect(describeChanges(c, 'en')).toBe('1 finding resolved, 1 new');
  });

  it('names findings whose figures changed: raising 1.2 changes its warning and the year-over-year note', () => {
    const c = resultChanges(sample, findingsOf(helsedesignBudgetRaised()));
    expect(c.changed.map((x) => x.key)).toEqual([
      'CONTRIBUTION_MISMATCH|project=1.2|year=2010',
      'YEAR_OVER_YEAR|role=financing|earlierYear=2009|year=2010',
    ]);
    expect(c.changed[0].finding.actual).toBe(10_000_000);
    expect(describeChanges(c, 'nb')).toBe('2 funn endret');
    expect(describeChanges(c, 'en')).toBe('2 findings changed');
  });

  it('counts in the plural, the noun on the first part only', () => {
    const noYoy = typeOver(sampleSnapshot(), 'Finansiering', { A12: null });
    const c = resultChanges(findingsOf(noYoy), [
      ...sample,
      unknownLine,
      { ...unknownLine, params: { ...unknownLine.params, label: 'Reise' } },
    ]);
    expect(c.added).toHaveLength(3);
    expect(describeChanges(c, 'nb')).toBe('3 nye funn');
    expect(describeChanges(c, 'en')).toBe('3 new findings');
    const both = resultChanges([...sample, unknownLine], [sample[0]]);
    expect(describeChanges(both, 'nb')).toBe('4 funn løst');
  });
});
