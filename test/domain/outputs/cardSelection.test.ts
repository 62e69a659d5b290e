/**
 * The record a project cards sheet keeps of the projects it holds when it holds only some: keys
 * that survive any id, read back only from the layout's own label, and the layout that writes it.
 */
import fc from 'fast-check';
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import { cardKeys, parseSelection, projectCardsSheet, selectionText } from '../../../src/domain/outputs';
import { reconcile } from '../../../src/domain/reconcile/reconcile';
import type { RegisterEntry } from '../../../src/domain/register/types';
import { sampleWorkbookModel } from '../../../src/sample/sampleWorkbook';

const project = (id: string, name = 'P'): Pick<RegisterEntry, 'id' | 'name' | 'kind'> => ({
  id,
  name,
  kind: 'project',
});

describe('card keys', () => {
  it('are the id, the name without one, #2 for a repeated one, and nothing for operations lines', () => {
    expect(
      cardKeys([
        project('1.3'),
        { id: '', name: 'Drift', kind: 'operations' },
        project('1.3'),
        project('', 'Uten nummer'),
        project('1.3'),
      ]),
    ).toEqual(['1.3', '', '1.3#2', 'Uten nummer', '1.3#3']);
  });

  it('read back as written, whatever the ids hold (; # \\ spaces), in either language', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { maxLength: 12 }), fc.boolean(), (ids, en) => {
        const trimmed = ids.map((id) => id.trim()).filter((id) => id !== '');
        const keys = cardKeys(trimmed.map((id) => project(id)));
        const label = en ? 'Selected projects' : 'Utvalgte prosjekter';
        expect(parseSelection([label, selectionText(keys)])).toEqual(keys);
        // Each key names one project: no two alike.
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it('are read only under the layout’s label', () => {
    expect(parseSelection(['Utvalgte prosjekter', '1.2; 3.1'])).toEqual(['1.2', '3.1']);
    expect(parseSelection(['Prosjekter', '1.2; 3.1'])).toBeNull();
    expect(parseSelection([null, '1.2'])).toBeNull();
    expect(parseSelection(['Utvalgte prosjekter', 12])).toBeNull();
    expect(parseSelection(undefined)).toBeNull();
  });
});

describe('a cards sheet of some projects', () => {
  const result = reconcile(modelToSnapshot(sampleWorkbookModel()));
  const at = (id: string) => result.projects.find((p) => p.fields.id === id)!.entry;
  const titles = (cells: ReturnType<typeof projectCardsSheet>['cells']) =>
    cells
      .filter((c) => c.fontSize === 12 && c.fontColor === '#FFFFFF' && typeof c.value === 'string')
      .sort((a, b) => a.row - b.row || a.col - b.col)
      .map((c) => c.value);

  it('lays out the chosen cards as the full sheet does, in register order, and records them under the title', () => {
    const some = projectCardsSheet(result, 'nb', { projects: [at('3.1'), at('1.2'), at('3.1')] });
    expect(titles(some.cells)).toEqual(['1.2 Helsedesign , Arena', '3.1 Akkvisisjon']);
    const a2 = some.cells.find((c) => c.row === 1 && c.col === 0)?.value;
    const b2 = some.cells.find((c) => c.row === 1 && c.col === 1)?.value;
    expect(parseSelection([a2, b2])).toEqual(['1.2', '3.1']);
    // One under the other, as on the full sheet.
    const cols = some.cells
      .filter((c) => c.fontSize === 12 && c.fontColor === '#FFFFFF' && typeof c.value === 'string')
      .map((c) => c.col);
    expect(cols).toEqual([0, 0]);
  });

  it('is the full sheet, without a record, when every project is chosen', () => {
    const every = result.projects.map((p) => p.entry);
    const chosen = projectCardsSheet(result, 'en', { projects: every });
    expect(chosen).toEqual(projectCardsSheet(result, 'en'));
    expect(chosen.cells.some((c) => c.row === 1)).toBe(false);
  });
});
