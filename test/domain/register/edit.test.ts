/**
 * Editing the register as the pane's forms do: drafts, field errors and
 * their messages, updates, and learning an alias from a finding so that
 * the finding goes away.
 */
import type { Finding } from '../../../src/domain/findings';
import type { WorkbookModel } from '../../../src/domain/model';
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import { reconcile } from '../../../src/domain/reconcile/reconcile';
import { addAlias, aliasConflict, aliasSuggestion } from '../../../src/domain/register/edit/aliases';
import { budgetLineLabels } from '../../../src/domain/register/edit/budgetLines';
import { draftToEntry, draftToSource } from '../../../src/domain/register/edit/convert';
import {
  emptyEntryDraft,
  entryToDraft,
  sourceToDraft,
  type EntryDraft,
} from '../../../src/domain/register/edit/draft';
import type { FieldError } from '../../../src/domain/register/edit/fieldErrors';
import { fieldErrorMessage } from '../../../src/domain/register/edit/fieldMessages';
import { mergeEntryDraft, mergeSourceDraft } from '../../../src/domain/register/edit/merge';
import {
  emptyRegister,
  putEntry,
  putSource,
  removeEntry,
  removeSource,
} from '../../../src/domain/register/edit/update';
import { validateEntryDraft, validateSourceDraft } from '../../../src/domain/register/edit/validate';
import { registerEntry } from '../../../src/domain/register/entry';
import { readRegister } from '../../../src/domain/register/readRegister';
import { registerSheetModel } from '../../../src/domain/register/registerSheet';
import { REGISTER_SHEET, type Register } from '../../../src/domain/register/types';
import { SAMPLE_BUDGET_2010, sampleRegister, sampleWorkbookModel } from '../../../src/sample/sampleWorkbook';

const register = sampleRegister();
const LINES = SAMPLE_BUDGET_2010.map(([label]) => label);
const index = (id: string, name?: string) =>
  register.entries.findIndex((e) => e.id === id && (name === undefined || e.name === name));
const draftOf = (i: number, change: Partial<EntryDraft> = {}): EntryDraft => ({
  ...entryToDraft(register.entries[i]),
  ...change,
});
const codesOf = (errors: readonly FieldError[]) => errors.map((e) => [e.field, e.code]);

describe('drafts', () => {
  it('show a contribution the Norwegian way and round-trip every sample entry', () => {
    const d = entryToDraft(register.entries[index('1.2')]);
    expect(d.contribution).toBe('200 000');
    expect(d.basis).toBe('per år');
    expect(entryToDraft(register.entries[index('1.3', 'Logistikknæringen')])).toMatchObject({
      contribution: '',
      basis: '',
    });
    register.entries.forEach((e) => expect(draftToEntry(entryToDraft(e), e)).toEqual(e));
    register.sources.forEach((s) => expect(draftToSource(sourceToDraft(s), s)).toEqual(s));
  });

  it('are all valid for the sample, the duplicate id 1.3 included (kept as it is, not retyped)', () => {
    const problems = register.entries
      .map((e, i) => [e.name, validateEntryDraft(register, entryToDraft(e), i, LINES)] as const)
      .filter(([, errors]) => errors.length > 0);
    expect(problems).toEqual([]);
    // A new entry taking 1.3 is told which entry has it.
    expect(
      validateEntryDraft(register, { ...emptyEntryDraft(), id: '1.3', name: 'Ny' }, null, []),
    ).toContainEqual({
      field: 'id',
      code: 'duplicateId',
      params: { text: '1.3', other: '1.3 Logistikknæringen' },
    });
  });

  it('keep a range when its text is unchanged, and read a newly typed one', () => {
    const base = registerEntry({
      id: '3.2',
      name: 'Markedsføring',
      contribution: 20_000_000,
      contributionRange: { min: 20_000_000, max: 30_000_000 },
      basis: 'totalt',
      extra: { Ansvarlig: 'Kari' },
    });
    const d = entryToDraft(base);
    expect(d.contribution).toBe('200 000–300 000');
    expect(draftToEntry(d, base)).toEqual(base);
    expect(draftToEntry({ ...d, contribution: 'kr 250 000' }, base)).toEqual({
      ...base,
      contribution: 25_000_000,
      contributionRange: undefined,
    });
    expect(draftToEntry({ ...d, contribution: 'ca kr 1-200.000' }, base)).toMatchObject({
      contribution: 10_000_000,
      contributionRange: { min: 10_000_000, max: 20_000_000 },
      extra: { Ansvarlig: 'Kari' },
    });
  });

  it('trim text and list items, drop aliases repeated after normalising, and throw when invalid', () => {
    const e = draftToEntry({
      ...emptyEntryDraft(),
      id: ' 9.9 ',
      name: ' Ny ',
      partners: [' a ', 'b'],
      aliases: ['Gammel', 'gammel', ' Ny-navn', 'ny navn'],
      contribution: 'kr 1.500.000,50',
      basis: 'totalt',
    });
    expect(e).toMatchObject({
      id: '9.9',
      name: 'Ny',
      partners: ['a', 'b'],
      aliases: ['Gammel', 'Ny-navn'],
      contribution: 150_000_050,
    });
    expect(() =>
      draftToEntry({ ...emptyEntryDraft(), name: 'X', id: '1', contribution: 'abc', basis: 'totalt' }),
    ).toThrow();
    expect(() => draftToEntry({ ...emptyEntryDraft(), name: '', id: '1' })).toThrow();
    expect(() => draftToEntry({ ...emptyEntryDraft(), name: 'X', id: '' })).toThrow();
    expect(() => draftToEntry({ ...emptyEntryDraft(), name: 'X', id: '1', goals: ['a;b'] })).toThrow();
    expect(() => draftToEntry({ ...emptyEntryDraft(), name: 'X', id: '1', contribution: '5' })).toThrow();
    expect(draftToEntry({ ...emptyEntryDraft(), name: 'Drift', kind: 'operations' }).id).toBe('');
  });
});

describe('field errors', () => {
  it('find each kind of error in a new entry', () => {
    const errors = validateEntryDraft(
      register,
      {
        ...emptyEntryDraft(),
        id: ' 1.1A ',
        name: 'akkvisisjon',
        contribution: '-5 000',
        basis: '',
        budgetLine: 'Energi og miljøet',
        partners: ['ok', ' '],
        goals: ['a; b'],
        aliases: ['Reiseliv', 'Nytt'],
      },
      null,
      LINES,
    );
    expect(codesOf(errors)).toEqual([
      ['id', 'duplicateId'],
      ['name', 'duplicateName'],
      ['contribution', 'amount'],
      ['basis', 'basisNeeded'],
      ['budgetLine', 'unknownBudgetLine'],
      ['partners', 'listItemEmpty'],
      ['goals', 'listSeparator'],
      ['aliases', 'aliasTaken'],
    ]);
    const msg = (i: number, lang: 'nb' | 'en') => fieldErrorMessage(errors[i], lang);
    expect(msg(0, 'nb')).toBe('Id «1.1A» er allerede brukt av «1.1a Energi- og miljøklyngen».');
    expect(msg(0, 'en')).toBe('Id «1.1A» is already used by «1.1a Energi- og miljøklyngen».');
    expect(msg(1, 'nb')).toBe(
      '«akkvisisjon» er allerede navn, budsjettpost eller alias for «3.1 Akkvisisjon».',
    );
    expect(msg(2, 'nb')).toBe('Bidraget kan ikke være negativt («-5 000»).');
    expect(msg(4, 'en')).toBe(
      'The budget sheet has no line «Energi og miljøet». Did you mean «Energi og miljø»?',
    );
    expect(msg(5, 'nb')).toBe('Listen har et tomt element (element 2).');
    expect(msg(7, 'en')).toBe(
      'The alias «Reiseliv» is already the name, budget line or alias of «1.3 Et løft for reiselivet».',
    );
  });

  it('require an id for projects only, a name always, and a basis only with an amount', () => {
    expect(codesOf(validateEntryDraft(register, emptyEntryDraft(), null, []))).toEqual([
      ['id', 'required'],
      ['name', 'required'],
    ]);
    expect(fieldErrorMessage({ field: 'name', code: 'required' }, 'nb')).toBe('Navn må fylles ut.');
    const ops = {
      ...emptyEntryDraft(),
      name: 'Husleie',
      kind: 'operations' as const,
      basis: 'totalt' as const,
    };
    expect(codesOf(validateEntryDraft(register, ops, null, []))).toEqual([['basis', 'basisWithoutAmount']]);
    expect(codesOf(validateEntryDraft(register, { ...ops, contribution: 'tja' }, null, []))).toEqual([
      ['contribution', 'amount'],
    ]);
    expect(validateEntryDraft(register, { ...ops, contribution: 'kr 1.500.000' }, null, [])).toEqual([]);
  });

  it('check the budget line only against a known budget sheet', () => {
    const d = draftOf(index('3.1'), { budgetLine: 'Akvisisjon' });
    expect(codesOf(validateEntryDraft(register, d, index('3.1'), LINES))).toEqual([
      ['budgetLine', 'unknownBudgetLine'],
    ]);
    expect(validateEntryDraft(register, d, index('3.1'), [])).toEqual([]);
  });

  it('keep a line the entry already had, even when this year’s budget lacks it', () => {
    const i = index('3.1');
    const lines = LINES.filter((l) => l !== register.entries[i].budgetLine);
    expect(validateEntryDraft(register, draftOf(i, { owner: 'Ny eier' }), i, lines)).toEqual([]);
    // A new entry with that line, or the entry moved to another unknown line, is checked.
    expect(
      codesOf(validateEntryDraft(register, { ...draftOf(i), id: '9.9', name: 'Ny' }, null, lines)),
    ).toContainEqual(['budgetLine', 'unknownBudgetLine']);
  });

  it('allow an entry to keep its own names and ids, not another’s', () => {
    const i = index('2.2');
    expect(validateEntryDraft(register, draftOf(i, { id: '2.2 ' }), i, LINES)).toEqual([]);
    expect(codesOf(validateEntryDraft(register, draftOf(i, { id: '2. 1' }), i, LINES))).toEqual([
      ['id', 'duplicateId'],
    ]);
    expect(
      codesOf(validateEntryDraft(register, draftOf(i, { aliases: ['helsesdesign'] }), i, LINES)),
    ).toEqual([['aliases', 'aliasTaken']]);
  });

  it('for sources: name required and unique, aliases free', () => {
    expect(validateSourceDraft(register, sourceToDraft(register.sources[3]), 3)).toEqual([]);
    expect(validateSourceDraft(register, { name: 'afk', kind: 'own', aliases: ['SNR', ''] }, null)).toEqual([
      { field: 'name', code: 'duplicateName', params: { text: 'afk', other: 'Akershus fylkeskommune' } },
      { field: 'aliases', code: 'listItemEmpty', params: { item: '2' } },
      { field: 'aliases', code: 'aliasTaken', params: { text: 'SNR', other: 'SNR' } },
    ]);
    expect(codesOf(validateSourceDraft(register, { name: ' ', kind: 'own', aliases: [] }, null))).toEqual([
      ['name', 'required'],
    ]);
  });
});

describe('updates', () => {
  it('put, append and remove without changing the register given', () => {
    const before = JSON.stringify(register);
    const e = registerEntry({ id: '9', name: 'Ny' });
    const appended = putEntry(register, null, e);
    expect(appended.entries).toHaveLength(register.entries.length + 1);
    expect(appended.entries.at(-1)).toBe(e);
    const replaced = putEntry(register, 0, e);
    expect(replaced.entries[0]).toBe(e);
    expect(replaced.entries[1]).toBe(register.entries[1]);
    expect(removeEntry(register, 0).entries[0]).toBe(register.entries[1]);
    const s = { name: 'Kommunene', kind: 'external' as const, aliases: [] };
    expect(putSource(register, null, s).sources.at(-1)).toBe(s);
    expect(removeSource(register, 4).sources.map((x) => x.name)).not.toContain('SNRs bidrag');
    expect(JSON.stringify(register)).toBe(before);
    expect(() => putEntry(register, 99, e)).toThrow(RangeError);
    expect(() => removeSource(register, -1)).toThrow(RangeError);
  });

  it('an empty register is written and read back as a valid register', () => {
    const r = emptyRegister();
    const read = readRegister(modelToSnapshot({ sheets: [registerSheetModel(r)] }));
    expect(read.findings).toEqual([]);
    expect(read.register).toEqual(r);
  });

  it('offers the budget sheet’s line labels', () => {
    expect(budgetLineLabels(modelToSnapshot(sampleWorkbookModel()))).toEqual(LINES);
    expect(budgetLineLabels({ sheets: [] })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Learning aliases

/** The sample with one label changed (`from` → `to`) in a sheet. */
function sampleWith(sheet: string, from: string, to: string): WorkbookModel {
  const model = sampleWorkbookModel();
  let changed = 0;
  const sheets = model.sheets.map((s) =>
    s.name !== sheet
      ? s
      : {
          ...s,
          cells: s.cells.map((c) => {
            if (c.value !== from) return c;
            changed++;
            return { ...c, value: to };
          }),
        },
  );
  expect(changed).toBe(1);
  return { sheets };
}

function withRegister(model: WorkbookModel, r: Register): WorkbookModel {
  return { sheets: [...model.sheets.filter((s) => s.name !== REGISTER_SHEET), registerSheetModel(r)] };
}

const unknowns = (model: WorkbookModel) =>
  reconcile(modelToSnapshot(model)).findings.filter((f) => f.code.startsWith('UNKNOWN_'));

describe('learning an alias from a finding', () => {
  it.each([
    [
      'an earmark',
      'Finansiering',
      'Etablerertjenester',
      'Etablerertjenestene',
      'UNKNOWN_EARMARK',
      'entries',
      '2.1',
    ],
    ['a budget line', 'Budsjett', 'Akkvisisjon', 'Akkvisisjonen', 'UNKNOWN_LINE', 'entries', '3.1'],
    [
      'a group header',
      'Finansiering',
      'Innovasjon Norge,',
      'Innovasjon Norge AS,',
      'UNKNOWN_SOURCE',
      'sources',
      'Innovasjon Norge',
    ],
    [
      'a source',
      'Finansiering',
      'Bruk fond SNR',
      'Bruk av fond SNR',
      'UNKNOWN_SOURCE',
      'sources',
      'Bruk fond SNR',
    ],
    ['a memo row', 'Finansiering', 'SNRs bidrag', 'SNR-bidrag', 'UNKNOWN_SOURCE', 'sources', 'SNRs bidrag'],
  ] as const)('for %s makes the finding go away', (_, sheet, from, to, code, table, target) => {
    const model = sampleWith(sheet, from, to);
    const found = unknowns(model);
    expect(found.map((f) => f.code)).toEqual([code]);
    const offer = aliasSuggestion(register, found[0]);
    expect(offer).not.toBeNull();
    const { label, target: where } = offer!;
    expect(label).toBe(to.replace(/,$/, ''));
    expect(where.table).toBe(table);
    const row = table === 'entries' ? register.entries[where.index].id : register.sources[where.index].name;
    expect(row).toBe(target);
    const learned = addAlias(register, where, label);
    expect(unknowns(withRegister(model, learned))).toEqual([]);
  });

  it('offers nothing without a suggestion, for an earmark of a project without a line, or a label with ;', () => {
    const base: Finding = {
      code: 'UNKNOWN_EARMARK',
      severity: 'warning',
      cells: ['Finansiering!A4'],
      suggestion: '2.1 Etablerertjeneste på Nedre Romerike',
      params: { label: 'Etablerertjenestene', source: 'Innovasjon Norge' },
    };
    expect(aliasSuggestion(register, base)).toEqual({
      label: 'Etablerertjenestene',
      target: { table: 'entries', index: 6 },
    });
    expect(aliasSuggestion(register, { ...base, suggestion: undefined })).toBeNull();
    expect(
      aliasSuggestion(register, { ...base, params: { ...base.params, reason: 'noBudgetLine' } }),
    ).toBeNull();
    expect(aliasSuggestion(register, { ...base, params: { ...base.params, label: 'a;b' } })).toBeNull();
    expect(aliasSuggestion(register, { ...base, code: 'OVERFINANCED' })).toBeNull();
  });

  it('finds the right one of two entries that share an id', () => {
    const f: Finding = {
      code: 'UNKNOWN_LINE',
      severity: 'warning',
      cells: ['Budsjett!A6'],
      suggestion: '1.3 Et løft for reiselivet',
      params: { label: 'Et løft for reiselivene' },
    };
    expect(aliasSuggestion(register, f)?.target).toEqual({
      table: 'entries',
      index: index('1.3', 'Et løft for reiselivet'),
    });
  });

  it('adds no alias twice, and refuses one another row has', () => {
    const target = { table: 'entries', index: index('3.1') } as const;
    const once = addAlias(register, target, 'Akkvisisjonen');
    expect(once.entries[target.index].aliases).toEqual(['Akkvisisjonen']);
    expect(addAlias(once, target, ' akkvisisjonen ')).toBe(once);
    expect(addAlias(register, target, 'Akkvisisjon')).toBe(register);
    expect(aliasConflict(register, target, 'Reiseliv')).toMatchObject({
      code: 'aliasTaken',
      params: { other: '1.3 Et løft for reiselivet' },
    });
    expect(() => addAlias(register, target, 'Reiseliv')).toThrow(/aliasTaken/);
    expect(() => addAlias(register, target, 'a;b')).toThrow();
    expect(() => addAlias(register, { table: 'sources', index: 9 }, 'x')).toThrow(RangeError);
  });
});

describe('a form saved after its row changed underneath it', () => {
  it('keeps what changed meanwhile (a learned alias) and what the user changed (the role)', () => {
    const i = register.entries.findIndex((e) => e.id === '2.2');
    const base = register.entries[i];
    const current = addAlias(register, { table: 'entries', index: i }, 'Regional Innovasjn').entries[i];
    const draft = { ...entryToDraft(base), role: 'Eier' };
    const merged = mergeEntryDraft(base, current, draft);
    expect(merged.role).toBe('Eier');
    expect(merged.aliases).toEqual([...base.aliases, 'Regional Innovasjn']);
    expect(mergeEntryDraft(base, base, draft)).toEqual(draft);
  });

  it('for sources too: the user’s kind, the co-author’s alias', () => {
    const base = register.sources[0];
    const current = { ...base, aliases: [...base.aliases, 'Rådet'] };
    const merged = mergeSourceDraft(base, current, { ...sourceToDraft(base), kind: 'external' });
    expect(merged).toEqual({ name: base.name, kind: 'external', aliases: current.aliases });
  });
});

describe('an id already taken twice (the sample has 1.3 twice)', () => {
  it('does not stop editing another field of either entry, but is refused for a new or renumbered one', () => {
    const both = register.entries.flatMap((e, i) => (e.id === '1.3' ? [i] : []));
    expect(both).toHaveLength(2);
    for (const i of both) {
      const draft = { ...entryToDraft(register.entries[i]), role: 'Ny rolle' };
      expect(validateEntryDraft(register, draft, i, [])).toEqual([]);
    }
    const other = register.entries.findIndex((e) => e.id === '3.1');
    const renumbered = { ...entryToDraft(register.entries[other]), id: '1.3' };
    expect(validateEntryDraft(register, renumbered, other, []).map((e) => e.code)).toContain('duplicateId');
  });
});
