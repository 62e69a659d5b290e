/**
 * The result view of a workbook without a project register (or with an empty one): the year's
 * budget and financing as always, but own-funded and own sources are «not computed: no project
 * register» — no «✗ own sources differ», no 0, no difference — and the earlier year's note is
 * not compared with a figure that only means "no register".
 */
import { screen, within } from '@testing-library/react';
import type { WorkbookModel } from '../../src/domain/model';
import { REGISTER_SHEET } from '../../src/domain/register/types';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { plain, stubGateway } from './helpers';
import { renderPane } from './registerFixtures';

const withoutRegister = (): WorkbookModel => ({
  sheets: sampleWorkbookModel().sheets.filter((s) => s.name !== REGISTER_SHEET),
});
const withEmptyRegister = (): WorkbookModel => ({
  sheets: [...withoutRegister().sheets, registerSheetModel({ formatVersion: 1, entries: [], sources: [] })],
});

async function yearTable(model: WorkbookModel, lang: 'nb' | 'en') {
  const pane = renderPane(stubGateway(model), lang);
  await pane.user.click(screen.getByRole('button', { name: pane.t.reconcile }));
  const year = (await screen.findByRole('heading', { name: pane.t.yearHeading(2010) })).closest('section')!;
  const table = within(year).getByRole('table');
  const rows = within(table)
    .getAllByRole('rowheader')
    .map((th) => [plain(th.textContent), plain(th.nextElementSibling?.textContent)]);
  return { ...pane, year, rows };
}

describe.each([
  ['without a register', withoutRegister],
  ['with an empty register', withEmptyRegister],
])('the result %s', (_, model) => {
  it('shows budget and financing, and own-funded and own sources as not computed (bokmål)', async () => {
    const { year, rows } = await yearTable(model(), 'nb');
    expect(rows).toEqual([
      ['Budsjett', '3 430 000'],
      ['Finansiering', '3 430 000'],
      ['Differanse', '0'],
      ['Egenfinansiert', 'ikke beregnet: ingen prosjektregister'],
      ['Egne kilder', 'ikke beregnet: ingen prosjektregister'],
    ]);
    expect(within(year).getByText('✓ I balanse')).toBeInTheDocument();
    expect(within(year).getByText('– Egne kilder ikke beregnet')).toBeInTheDocument();
    expect(within(year).queryByText(/Egne kilder stemmer/)).not.toBeInTheDocument();
  });

  it('says the same in English', async () => {
    const { year, rows } = await yearTable(model(), 'en');
    expect(rows.slice(3)).toEqual([
      ['Own-funded', 'not computed: no project register'],
      ['Own sources', 'not computed: no project register'],
    ]);
    expect(within(year).getByText('– Own sources not computed')).toBeInTheDocument();
    expect(within(year).queryByText(/Own sources differ/)).not.toBeInTheDocument();
  });

  it('does not compare the 2009 note: no +1 620 000 kr (+89,5 %), no -100 %', async () => {
    await yearTable(model(), 'nb');
    const note = screen.getByText(/Eget bidrag 2010/);
    expect(plain(note.textContent)).toBe(
      'Eget bidrag 2010: ikke beregnet: ingen prosjektregister (mot 1 810 000 kr i 2009).',
    );
    expect(screen.queryByText(/1 620 000|89,5|-100/)).not.toBeInTheDocument();
    expect(screen.queryByText('OWN_FUNDING_MISMATCH')).not.toBeInTheDocument();
  });
});

describe('the result with the sample register', () => {
  it('still shows the own figures, their difference and the verdict', async () => {
    const { year, rows } = await yearTable(sampleWorkbookModel(), 'nb');
    expect(rows.slice(3)).toEqual([
      ['Egenfinansiert', '1 850 000'],
      ['Egne kilder', '1 850 000'],
      ['Differanse', '0'],
    ]);
    expect(within(year).getByText('✓ Egne kilder stemmer')).toBeInTheDocument();
  });
});
