/**
 * A register proposed for a workbook without one: on the sample (its
 * register sheet taken out) and on a messy English workbook, reconciling
 * against the proposal finds every line and source.
 */
import type { Finding } from '../../../src/domain/findings';
import type { SheetModel, WorkbookModel } from '../../../src/domain/model';
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import { reconcile } from '../../../src/domain/reconcile/reconcile';
import { addAlias, aliasSuggestion } from '../../../src/domain/register/edit/aliases';
import { isOperationsLabel, proposeRegister } from '../../../src/domain/register/propose';
import { registerSheetModel } from '../../../src/domain/register/registerSheet';
import { REGISTER_SHEET, type Register } from '../../../src/domain/register/types';
import type { CellValue } from '../../../src/domain/snapshot';
import { SAMPLE_BUDGET_2010, sampleWorkbookModel } from '../../../src/sample/sampleWorkbook';

function withoutRegister(model: WorkbookModel): WorkbookModel {
  return { sheets: model.sheets.filter((s) => s.name !== REGISTER_SHEET) };
}

function withRegister(model: WorkbookModel, register: Register): WorkbookModel {
  return { sheets: [...withoutRegister(model).sheets, registerSheetModel(register)] };
}

const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);
const unknownOrRegister = (fs: readonly Finding[]) =>
  fs.filter((f) => f.code.startsWith('UNKNOWN_') || f.code.startsWith('REGISTER_'));

/** A sheet model from rows of values (null: empty), with optional indents by row. */
function sheetModel(
  name: string,
  rows: readonly (readonly CellValue[])[],
  indents: Record<number, number> = {},
): SheetModel {
  const cells = rows.flatMap((row, r) =>
    row.flatMap((value, c) =>
      value === null
        ? []
        : [
            {
              row: r,
              col: c,
              value: value as string | number,
              ...(c === 0 && indents[r] ? { indent: indents[r] } : {}),
            },
          ],
    ),
  );
  return { name, cells };
}

describe('the sample without its register', () => {
  const model = withoutRegister(sampleWorkbookModel());
  const proposal = proposeRegister(modelToSnapshot(model));
  const { register } = proposal;

  it('has one entry per budget line, in order, named by the line, operations told from projects', () => {
    expect(register.formatVersion).toBe(1);
    expect(register.entries.map((e) => e.name)).toEqual(SAMPLE_BUDGET_2010.map(([label]) => label));
    expect(register.entries.every((e) => e.budgetLine === e.name)).toBe(true);
    expect(register.entries.map((e) => e.kind)).toEqual([
      'operations',
      'project',
      'project',
      'project',
      'project',
      'project',
      'project',
      'project',
      'operations',
    ]);
    expect(register.entries.map((e) => e.id)).toEqual(['', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', '']);
    expect(register.entries.every((e) => e.contribution === null && e.basis === null)).toBe(true);
    expect(proposal.entryGuesses.map((g) => g.cell)).toEqual(
      SAMPLE_BUDGET_2010.map((_, i) => `Budsjett!A${i + 2}`),
    );
    expect(proposal.entryGuesses[0]).toEqual({
      kind: 'operations',
      reason: 'operationsLabel',
      cell: 'Budsjett!A2',
    });
    expect(proposal.findings).toEqual([]);
  });

  it('learns the financing sheet spellings of budget lines as aliases', () => {
    const aliases = Object.fromEntries(
      register.entries.filter((e) => e.aliases.length > 0).map((e) => [e.name, e.aliases]),
    );
    expect(aliases).toEqual({
      'Helsesdesign Arena': ['Helsesdesign'],
      Etablerertjenesten: ['Etablerertjenester'],
      'Regional Innovasjonsprosjekt': ['Regional Innovasjon'],
    });
    expect(proposal.entryGuesses[5].aliasCells).toEqual(['Finansiering!A4']);
  });

  it('has the sources: own top-level rows, external group headers, the memo row', () => {
    expect(register.sources).toEqual([
      { name: 'SNR', kind: 'own', aliases: [] },
      { name: 'Innovasjon Norge', kind: 'external', aliases: [] },
      { name: 'Akershus Fylkeskommune', kind: 'external', aliases: [] },
      { name: 'Bruk fond SNR', kind: 'own', aliases: [] },
      { name: 'SNRs bidrag', kind: 'memo', aliases: [] },
    ]);
    expect(proposal.sourceGuesses.map((g) => [g.reason, g.cell])).toEqual([
      ['topLevel', 'Finansiering!A2'],
      ['groupHeader', 'Finansiering!A3'],
      ['groupHeader', 'Finansiering!A5'],
      ['topLevel', 'Finansiering!A8'],
      ['memoRow', 'Finansiering!A10'],
    ]);
  });

  it('reconciles with no register error and no unknown line, earmark or source', () => {
    const result = reconcile(modelToSnapshot(withRegister(model, register)));
    expect(unknownOrRegister(result.findings)).toEqual([]);
    expect(result.balanced).toBe(true);
    // Without the register the same workbook has no register at all.
    expect(codes(reconcile(modelToSnapshot(model)).findings)).toContain('REGISTER_MISSING');
  });

  it('leaves ids empty when asked (each project then lacks its id)', () => {
    const empty = proposeRegister(modelToSnapshot(model), { ids: 'empty' }).register;
    expect(empty.entries.every((e) => e.id === '')).toBe(true);
    const result = reconcile(modelToSnapshot(withRegister(model, empty)));
    expect(codes(result.findings).filter((c) => c === 'REGISTER_INVALID')).toHaveLength(7);
  });
});

describe('a messy English workbook', () => {
  const model: WorkbookModel = {
    sheets: [
      sheetModel('Budget', [
        ['Action plan 2012–2013'],
        [],
        ['Item', 'Budget 2012', 'Budget 2013'],
        ['Operations and coordination', 500_000, 500_000],
        ['Project Alpha', 'kr 100.000', 120_000],
        [],
        ['Harbour cluster', 200_000, 200_000],
        ['Misc.', 50_000, 50_000],
        ['Total', 850_000, 870_000],
      ]),
      sheetModel('Funding', [
        ['Source', '2012', '2013'],
        ['Council', 450_000, 470_000],
        ['Regional fund:'],
        ['Harbor cluster', 200_000, 200_000],
        ['Alpha project', 100_000, 100_000],
        ['Reserve fund', 100_000, 100_000],
        ['Total', 850_000, 870_000],
        ["Council's share", 550_000, 570_000],
        ['Note: funding in 2011 was kr 1.000.000'],
      ]),
    ],
  };
  const proposal = proposeRegister(modelToSnapshot(model));
  const { register } = proposal;

  it('finds the lines below a title, with text amounts, and tells operations by English words', () => {
    expect(register.entries.map((e) => [e.id, e.name, e.kind])).toEqual([
      ['', 'Operations and coordination', 'operations'],
      ['P1', 'Project Alpha', 'project'],
      ['P2', 'Harbour cluster', 'project'],
      ['', 'Misc.', 'operations'],
    ]);
    expect(proposal.entryGuesses.map((g) => g.cell)).toEqual([
      'Budget!A4',
      'Budget!A5',
      'Budget!A7',
      'Budget!A8',
    ]);
  });

  it('without indentation, ends the group at a row unlike any budget line (a source of its own)', () => {
    expect(register.sources.map((s) => [s.name, s.kind])).toEqual([
      ['Council', 'own'],
      ['Regional fund', 'external'],
      ['Reserve fund', 'own'],
      ["Council's share", 'memo'],
    ]);
    expect(register.entries[1].aliases).toEqual(['Alpha project']);
    expect(register.entries[2].aliases).toEqual(['Harbor cluster']);
  });

  it('reconciles with no register error and no unknown line, earmark or source', () => {
    const result = reconcile(modelToSnapshot(withRegister(model, register)));
    expect(unknownOrRegister(result.findings)).toEqual([]);
    expect(codes(result.findings)).toContain('AMOUNT_AS_TEXT');
    expect(result.balanced).toBe(true);
    expect(codes(result.findings)).not.toContain('OWN_FUNDING_MISMATCH');
    expect(codes(result.findings)).not.toContain('MEMO_MISMATCH');
  });
});

describe('earmarks it is not sure of', () => {
  const model: WorkbookModel = {
    sheets: [
      sheetModel('Budsjett', [
        ['Post', 'Budsjett 2010'],
        ['Energi og miljø', 100_000],
        ['Energi og klima', 100_000],
        ['Sum', 200_000],
      ]),
      sheetModel(
        'Finansiering',
        [
          ['Kilde', 'Budsjett 2010'],
          ['Fylket,'],
          ['Energi', 50_000],
          ['Noe helt annet', 50_000],
          ['SNR', 100_000],
          ['Sum', 200_000],
        ],
        { 2: 1, 3: 1 },
      ),
    ],
  };
  const { register } = proposeRegister(modelToSnapshot(model));

  it('adds no alias when two lines are as close, nor for an unlike label under an indented group', () => {
    expect(register.entries.flatMap((e) => e.aliases)).toEqual([]);
    expect(register.sources.map((s) => [s.name, s.kind])).toEqual([
      ['Fylket', 'external'],
      ['SNR', 'own'],
    ]);
  });

  it('leaves them as unknown earmarks, whose alias can then be learned', () => {
    const result = reconcile(modelToSnapshot(withRegister(model, register)));
    const unknown = unknownOrRegister(result.findings);
    expect(unknown.map((f) => [f.code, f.params.label])).toEqual([
      ['UNKNOWN_EARMARK', 'Energi'],
      ['UNKNOWN_EARMARK', 'Noe helt annet'],
    ]);
    const offer = aliasSuggestion(register, unknown[0]);
    expect(offer).not.toBeNull();
    const learned = addAlias(register, offer!.target, offer!.label);
    const again = unknownOrRegister(reconcile(modelToSnapshot(withRegister(model, learned))).findings);
    expect(again.map((f) => f.params.label)).toEqual(['Noe helt annet']);
  });
});

describe('what it cannot use', () => {
  it('reports missing sheets as findings and proposes an empty register, without throwing', () => {
    const proposal = proposeRegister(modelToSnapshot({ sheets: [sheetModel('Notater', [['hei']])] }));
    expect(codes(proposal.findings)).toEqual(['SHEET_MISSING', 'SHEET_MISSING']);
    expect(proposal.register.entries).toEqual([]);
    expect(proposal.register.sources).toEqual([]);
    expect(proposal.entryGuesses).toEqual([]);
  });

  it('reports a sheet without a table, and uses the sheets named in options', () => {
    const model: WorkbookModel = {
      sheets: [
        sheetModel('Budsjett', [['bare tekst']]),
        sheetModel('Plan', [
          ['Post', '2010'],
          ['Diverse', 5],
        ]),
      ],
    };
    const p = proposeRegister(modelToSnapshot(model), { budgetSheet: 'Plan', financingSheet: 'Budsjett' });
    expect(codes(p.findings)).toEqual(['TABLE_NOT_FOUND']);
    expect(p.register.entries.map((e) => e.name)).toEqual(['Diverse']);
  });
});

describe('operations labels', () => {
  it.each([
    ['Koordinering, drift', true],
    ['Driftsutgifter', true],
    ['Lønnskostnader', true],
    ['Husleie', true],
    ['Felles tiltak', true],
    ['Sekretariatet', true],
    ['Administration', true],
    ['Misc.', true],
    ['Energi og miljø', false],
    ['Driftig prosjekt', false],
    ['Reiselivet', false],
  ])('%s → %s', (label, operations) => {
    expect(isOperationsLabel(label)).toBe(operations);
  });
});
