/**
 * The register as reconciling reads it (EntryFields, straight from the
 * sheet's cells) and as everything else reads it (the full entries, made on
 * first use) tell the same story.
 */
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import { reconcile } from '../../../src/domain/reconcile/reconcile';
import { RegisterIndex } from '../../../src/domain/reconcile/registerIndex';
import { registerEntry } from '../../../src/domain/register/entry';
import { entryFieldsOf, type EntryFields } from '../../../src/domain/register/entryFields';
import { readRegister } from '../../../src/domain/register/readRegister';
import { registerSheetModel } from '../../../src/domain/register/registerSheet';
import type { Register, RegisterEntry } from '../../../src/domain/register/types';
import { sampleWorkbookModel } from '../../../src/sample/sampleWorkbook';

const FIELDS = [
  'id',
  'name',
  'kind',
  'contribution',
  'contributionRange',
  'basis',
  'budgetLine',
  'aliases',
] as const;

function fieldsAsEntries(f: EntryFields) {
  return Array.from({ length: f.length }, (_, i) => ({
    id: f.id(i),
    name: f.name(i),
    kind: f.kind(i),
    contribution: f.contribution(i),
    contributionRange: f.contributionRange(i),
    basis: f.basis(i),
    budgetLine: f.budgetLine(i),
    aliases: [...f.aliases(i)],
    isProject: f.isProject(i),
  }));
}

function pick(entries: readonly RegisterEntry[]) {
  return entries.map((e) => ({
    ...Object.fromEntries(FIELDS.map((k) => [k, k === 'aliases' ? [...e.aliases] : e[k]])),
    isProject: e.kind === 'project',
  }));
}

const varied: Register = {
  formatVersion: 1,
  entries: [
    registerEntry({ name: 'Drift', kind: 'operations', aliases: ['Driftsmidler', 'Drift SNR'] }),
    registerEntry({
      id: '1.2',
      name: 'Helsedesign, Arena',
      contribution: 100_000_00,
      basis: 'per år',
      owner: 'SNR',
    }),
    registerEntry({
      id: '1.3',
      name: 'Akkvisisjon',
      contribution: 200_000_00,
      contributionRange: { min: 200_000_00, max: 300_000_00 },
      basis: 'totalt',
      budgetLine: 'Akkvisisjon 2010',
      partners: ['Kjeller', 'Lillestrøm'],
      goals: ['Nye bedrifter'],
    }),
    registerEntry({ id: '4', name: 'Nettverk', area: 'Næring', contributionNote: 'ca kr 2-300.000' }),
  ],
  sources: [{ name: 'SNR', kind: 'own', aliases: [] }],
};

describe('EntryFields', () => {
  it.each([
    ['the sample register', () => modelToSnapshot(sampleWorkbookModel())],
    [
      'a register with ranges, aliases, operations and lists',
      () => modelToSnapshot({ sheets: [registerSheetModel(varied)] }),
    ],
  ])('read from the sheet, agree with the full entries field by field: %s', (_name, snapshot) => {
    const reading = readRegister(snapshot());
    expect(reading.fields).not.toBeNull();
    expect(fieldsAsEntries(reading.fields!)).toEqual(pick(reading.register!.entries));
    expect(fieldsAsEntries(entryFieldsOf(reading.register!.entries))).toEqual(
      pick(reading.register!.entries),
    );
  });

  it('read a numeric id or name cell as its text, the same on every read', () => {
    const model = registerSheetModel(varied);
    const cells = model.cells.map((c) => (c.value === '1.2' ? { ...c, value: 1.2 } : c));
    const reading = readRegister(modelToSnapshot({ sheets: [{ ...model, cells }] }));
    const i = reading.register!.entries.findIndex((e) => e.name === 'Helsedesign, Arena');
    expect(reading.fields!.id(i)).toBe('1.2');
    expect(reading.fields!.id(i)).toBe(reading.register!.entries[i].id);
  });
});

describe('the register read from a sheet', () => {
  const read = () => readRegister(modelToSnapshot({ sheets: [registerSheetModel(varied)] })).register!;

  it('makes its entries once, on first use, and keeps them', () => {
    const register = read();
    const first = register.entries;
    expect(register.entries).toBe(first);
    expect(first.map((e) => e.name)).toEqual(varied.entries.map((e) => e.name));
    expect(first[2]).toMatchObject({ partners: ['Kjeller', 'Lillestrøm'], goals: ['Nye bedrifter'] });
    expect(first[3]).toMatchObject({ area: 'Næring', contributionNote: 'ca kr 2-300.000' });
  });

  it('gives its entries to a spread, a JSON text and a deep comparison like a plain register', () => {
    const register = read();
    const spread = { ...register };
    expect(Object.getOwnPropertyDescriptor(spread, 'entries')?.value).toBe(register.entries);
    expect(JSON.parse(JSON.stringify(register)).entries).toHaveLength(4);
    expect(register).toEqual({ ...register, entries: [...register.entries] });
  });

  it('is reconciled without making its entries (the CLI report needs none)', () => {
    const snapshot = modelToSnapshot(sampleWorkbookModel());
    const result = reconcile(snapshot);
    const register = result.register!;
    const descriptor = Object.getOwnPropertyDescriptor(register, 'entries');
    expect(typeof descriptor?.get).toBe('function');
    // The outputs ask for them; they are the same as a fresh read's.
    expect(register.entries).toEqual(readRegister(snapshot).register!.entries);
  });
});

describe('RegisterIndex', () => {
  it('finds the same entries from sheet fields as from plain entries', () => {
    const reading = readRegister(modelToSnapshot({ sheets: [registerSheetModel(varied)] }));
    const fromSheet = new RegisterIndex(reading.register!, reading.fields!);
    const fromObjects = new RegisterIndex({ ...varied });
    for (const label of [
      'drift snr',
      'HELSEDESIGN ARENA',
      'Akkvisisjon 2010',
      'Akkvisisjon',
      'Nettverk',
      'Ukjent',
    ]) {
      expect(fromSheet.entryFor(label)).toBe(fromObjects.entryFor(label));
    }
    expect(fromSheet.entryFor('Helsedesign  Arena')).toBe(1);
    expect(fromSheet.suggestEntry('Helsedesin Arena')).toBe('1.2 Helsedesign, Arena');
  });
});
