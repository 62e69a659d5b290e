/**
 * Plans the reader was not written against: another council and period with two years and other
 * wordings, an English plan in Word tables, and damaged input.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readPlan, readPlanText, textToBlocks, unreadMessage } from '../../../src/domain/plan';
import { planWorkbookModel } from '../../../src/domain/plan/sheets';
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import { reconcile } from '../../../src/domain/reconcile/reconcile';
import { docxToBlocks } from '../../../src/plan/docx';
import { planDocx } from '../../helpers/planDocx';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/plan', name), 'utf8');
const kr = (n: number) => n * 100;

describe('Indre Østfold 2012–2013: another council, two years, other wordings', () => {
  const r = readPlanText(fixture('ostfold-2012-2013.txt'));

  test('learns the council from `Rolle for regionrådet`, and its full name', () => {
    expect(r.council).toEqual({ short: 'regionrådet', full: 'Regionrådet i Indre Østfold' });
  });

  test('reads `Eier:`, `Partnere:`, `Målsetting:` and each way of writing a contribution', () => {
    const byId = Object.fromEntries(r.register.entries.filter((e) => e.id).map((e) => [e.id, e]));
    expect(byId['1.1']).toMatchObject({
      owner: 'Indre Østfold Næringsforum',
      role: 'pådriver og medfinansierer',
      contribution: kr(300_000),
      basis: 'per år',
    });
    expect(byId['1.1'].partners).toEqual(['Østfold fylkeskommune', 'Høgskolen i Østfold', 'bedriftene']);
    expect(byId['1.1'].goals).toEqual(['Flere lærlinger i industrien', 'Et felles opplæringskontor']);
    expect(byId['1.2']).toMatchObject({
      contribution: kr(60_000),
      basis: 'per år',
      goals: ['Kartlegge matprodusentene i regionen'],
    });
    expect(byId['2.1']).toMatchObject({
      contribution: null,
      basis: null,
      contributionNote: 'ingen – administrativ koordinering',
    });
    expect(byId['2.2']).toMatchObject({ contribution: kr(250_000), basis: 'totalt' });
  });

  test('reads two years from the table headers, and ties `Kompetanseløft` to `Kompetanseløftet`', () => {
    expect(r.budget!.years).toEqual([2012, 2013]);
    expect(r.financing!.years).toEqual([2012, 2013]);
    const line = r.budget!.rows.find((x) => x.label === 'Kompetanseløft')!;
    expect(line.tiedTo).toEqual({ kind: 'project', project: 0 });
    expect(r.budget!.rows.find((x) => x.label === 'Sekretariat')!.tiedTo).toEqual({ kind: 'operations' });
  });

  test('own sources add up to the memo row; the group header is external', () => {
    expect(r.sources.map((s) => [s.name, s.kind])).toEqual([
      ['Kommunene', 'own'],
      ['Østfold fylkeskommune', 'external'],
      ['Regionrådets egenandel', 'memo'],
    ]);
  });

  test('a name starting with `=` stays text in every sheet', () => {
    const model = planWorkbookModel(r);
    const register = model.sheets.find((s) => s.name === 'Prosjektregister')!;
    const cell = register.cells.find((c) => c.value === '=Gang- og sykkelveier');
    expect(cell).toBeDefined();
    expect(cell!.formula).toBeUndefined();
  });

  test('reconciling its workbook finds what the plan contradicts: an earmark that leaves the promise unpaid', () => {
    const result = reconcile(modelToSnapshot(planWorkbookModel(r)), { year: 2012 });
    const codes = result.findings.map((f) => [f.code, f.projectId ?? '']);
    expect(codes).toContainEqual(['CONTRIBUTION_MISMATCH', '1.1']);
    expect(
      codes.filter(([c]) => c === 'UNKNOWN_LINE' || c === 'UNKNOWN_SOURCE' || c === 'SUM_MISMATCH'),
    ).toEqual([]);
  });
});

describe('an English plan in a Word document with real tables', () => {
  const text = fixture('english-2024.txt');
  const r = readPlan(docxToBlocks(planDocx(textToBlocks(text))));

  test("reads `Project owner`, `The council's role`, `Contribution: NOK 100,000 per year`", () => {
    const [wind, circular, graduate] = r.register.entries;
    expect(wind).toMatchObject({
      id: '1.1',
      name: 'Offshore Wind Supplier Network',
      phase: 'New main project',
      owner: 'Northfield Energy Cluster',
      contribution: kr(100_000),
      basis: 'per år',
    });
    expect(wind.partners).toEqual(['Port of Northfield', 'Northfield University', 'local suppliers']);
    expect(circular).toMatchObject({ owner: 'NRC', contribution: kr(40_000), basis: 'totalt' });
    expect(graduate).toMatchObject({ contribution: null, contributionNote: 'coordination only' });
    expect(r.lang).toBe('en');
  });

  test('names its sheets in English, and its workbook reconciles with no finding', () => {
    const model = planWorkbookModel(r);
    expect(model.sheets.map((s) => s.name)).toEqual(['Budget', 'Financing', 'Prosjektregister']);
    expect(r.sources.map((s) => [s.name, s.kind])).toEqual([
      ['NRC', 'own'],
      ['County council', 'external'],
      ['NRC contribution', 'memo'],
    ]);
    expect(reconcile(modelToSnapshot(model)).findings).toEqual([]);
  });
});

describe('damaged input', () => {
  test('headings only: the projects are found, each marked as having nothing read', () => {
    const r = readPlanText('1. OMRÅDE\n\n1.1 Første prosjekt\n\n1.2 Andre prosjekt (Ny forstudie)\n');
    expect(r.projects.map((p) => p.name.value)).toEqual(['Første prosjekt', 'Andre prosjekt']);
    expect(r.unread.map((u) => u.code)).toEqual([
      'projectNoFields',
      'projectNoFields',
      'noBudgetTable',
      'noFinancingTable',
    ]);
  });

  test('a table with a missing year, an unreadable amount and a sum that contradicts its rows are all listed', () => {
    const r = readPlanText(
      [
        '1. OMRÅDE',
        '1.1 Prosjekt A',
        'Prosjekteier: X',
        'Rådets bidrag: kr 100 000 per år',
        '2. Budsjett',
        'Prosjekt A\t100.000',
        'Drift\tcirka mye',
        'Sum\t500.000',
      ].join('\n'),
    );
    expect(r.unread.map((u) => u.code)).toEqual(
      expect.arrayContaining(['tableNoYear', 'amountUnreadable', 'sumDiffers']),
    );
    // The unreadable amount is written as it was, for the reconciliation to name its cell.
    const budget = planWorkbookModel(r).sheets[0];
    expect(budget.cells.find((c) => c.value === 'cirka mye')).toMatchObject({ row: 2, col: 1 });
    for (const lang of ['nb', 'en'] as const)
      for (const u of r.unread) expect(unreadMessage(u, lang)).toMatch(/^linje \d+: |^line \d+: |^[a-zæøå]/);
  });

  test('a document with no project headings has no projects (the CLI refuses it)', () => {
    expect(readPlanText('Referat fra møtet\n\nVi diskuterte budsjettet.\n').projects).toEqual([]);
  });
});
