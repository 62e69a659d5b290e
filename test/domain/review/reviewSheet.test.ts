/**
 * The review sheet as cells: its layout, a round trip (a reason starting with
 * `=` stays that text, also when every cell was written as text), and what a
 * tampered sheet gives: a problem naming the cell, nothing dropped on the
 * next write, read-only where writing would lose what is not understood.
 */
import {
  decodeReviewSheet,
  describeProblem,
  emptyReviewState,
  encodeReviewSheet,
  explain,
  signOff,
  withEntries,
  withdraw,
  type ReviewSheetCell,
  type ReviewState,
} from '../../../src/domain/review';
import { KARI, OLA, march5, reviewInputOf, sampleSnapshot } from './fixtures';

const HELSEDESIGN = {
  key: 'CONTRIBUTION_MISMATCH|project=1.2|year=2010',
  figures: 'expected=200000;actual=0;difference=-200000',
};
const DUPLICATE = {
  key: 'DUPLICATE_ID|project=1.3',
  figures: 'names=Logistikknæringen, Et løft for reiselivet',
};

function made<T>(r: { ok: true; explanation: T } | { ok: false }): T {
  if (!r.ok) throw new Error('refused');
  return r.explanation;
}

/** A log with three explanations (formula-looking reasons among them), a withdrawal and a sign-off. */
function sampleLog(): ReviewState {
  const input = reviewInputOf(sampleSnapshot());
  const explanations = [
    made(explain(HELSEDESIGN, '=SUM(A1) er ikke en formel', KARI(march5(10, 12)))),
    made(explain(DUPLICATE, '+47 999 99 999 vet mer\nandre linje', OLA(march5(10, 30)))),
    withdraw(HELSEDESIGN.key, OLA(march5(11))),
    made(explain(HELSEDESIGN, '@Kari: avtalt med AFK', KARI(march5(11, 15)))),
  ];
  const signed = signOff(input, explanations, KARI(march5(14, 30)));
  if (!signed.ok) throw new Error(signed.refusal.reason);
  return withEntries(emptyReviewState(), { explanations, signOffs: [signed.signOff] });
}

const asText = (rows: ReviewSheetCell[][]) => rows.map((r) => r.map((v) => (v === null ? null : String(v))));
const edit = (rows: ReviewSheetCell[][], ref: string, v: ReviewSheetCell | boolean | { error: string }) => {
  const out: unknown[][] = rows.map((r) => [...r]);
  const col = ref.charCodeAt(0) - 65;
  const row = Number(ref.slice(1)) - 1;
  while (out.length <= row) out.push([]);
  out[row][col] = v;
  return out as ReviewSheetCell[][];
};

describe('encodeReviewSheet', () => {
  const rows = encodeReviewSheet(sampleLog());

  it('writes the version in A1:B1 and both tables from row 3, side by side', () => {
    expect(rows[0].slice(0, 2)).toEqual(['formatVersion', 1]);
    expect(rows[1].every((v) => v === null)).toBe(true);
    expect(rows[2]).toEqual([
      ...['key', 'reason', 'figures', 'by', 'at', 'action'],
      null,
      ...['by', 'at', 'fingerprint', 'open', 'explained', 'totals', 'values'],
    ]);
    expect(rows[3].slice(0, 6)).toEqual([
      HELSEDESIGN.key,
      '=SUM(A1) er ikke en formel',
      HELSEDESIGN.figures,
      'Kari Nordmann',
      '2024-03-05T10:12:00+01:00',
      'explained',
    ]);
    expect(rows[5].slice(0, 6)).toEqual([
      HELSEDESIGN.key,
      null,
      null,
      'Ola Hansen',
      '2024-03-05T11:00:00+01:00',
      'withdrawn',
    ]);
    expect(rows[3].slice(7, 12)).toEqual([
      'Kari Nordmann',
      '2024-03-05T14:30:00+01:00',
      expect.stringMatching(/^f1-/),
      2,
      2,
    ]);
    expect(rows[3][12]).toBe('{"2010":{"budget":3430000,"financing":3430000}}');
    expect(JSON.parse(rows[3][13] as string).budget['Helsesdesign Arena']).toMatch(/^[0-9a-f]{8}$/);
  });

  it('is rectangular, of text and numbers only', () => {
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    for (const v of rows.flat())
      expect(v === null || typeof v === 'string' || typeof v === 'number').toBe(true);
  });
});

describe('decodeReviewSheet', () => {
  const log = sampleLog();
  const rows = encodeReviewSheet(log);

  it('reads no sheet, or an empty one, as an empty log', () => {
    expect(decodeReviewSheet([])).toEqual({ state: emptyReviewState(), problems: [] });
    expect(decodeReviewSheet([[null, ''], [undefined]])).toEqual({ state: emptyReviewState(), problems: [] });
  });

  it('reads back what was written, formula-looking reasons as the same text', () => {
    expect(decodeReviewSheet(rows)).toEqual({ state: log, problems: [] });
  });

  it('reads the same when every cell was written as text, and writes the same again', () => {
    const reading = decodeReviewSheet(asText(rows));
    expect(reading).toEqual({ state: log, problems: [] });
    expect(reading.state.explanations[0].reason).toBe('=SUM(A1) er ikke en formel');
    expect(encodeReviewSheet(reading.state)).toEqual(rows);
  });

  it('skips empty rows between entries', () => {
    const gappy = [...rows.slice(0, 4), rows[3].map(() => null), [], ...rows.slice(4)];
    expect(decodeReviewSheet(gappy)).toEqual({ state: log, problems: [] });
  });

  it('reports a row it cannot read by its cell, keeps it, and writes it back unchanged', () => {
    const tampered = edit(edit(rows, 'B5', null), 'K4', 'tre');
    const { state, problems } = decodeReviewSheet(tampered);
    expect(problems).toEqual([
      {
        kind: 'badCell',
        cell: 'Avstemmingslogg!B5',
        table: 'explanations',
        column: 'reason',
        issue: 'missing',
      },
      { kind: 'badCell', cell: 'Avstemmingslogg!K4', table: 'signOffs', column: 'open', issue: 'notANumber' },
    ]);
    expect(state.readOnly).toBe(false);
    expect(state.explanations).toHaveLength(3);
    expect(state.signOffs).toHaveLength(0);
    expect(state.unread.explanations).toEqual([
      {
        key: DUPLICATE.key,
        figures: DUPLICATE.figures,
        by: 'Ola Hansen',
        at: '2024-03-05T10:30:00+01:00',
        action: 'explained',
      },
    ]);
    // Written again, the unread rows come after the others, cell for cell; read again, the same problems.
    const again = decodeReviewSheet(encodeReviewSheet(state));
    expect(again.state).toEqual(state);
    expect(again.problems.map((p) => p.kind)).toEqual(['badCell', 'badCell']);
    expect(again.problems[0].cell).toBe('Avstemmingslogg!B7');
  });

  it.each([
    ['E4', 45356.42, 'at', 'notATime'],
    ['E4', '5. mars 2024', 'at', 'notATime'],
    ['A4', true, 'key', 'notText'],
    ['F4', 'forklart', 'action', 'unknownAction'],
    ['M4', { error: '#REF!' }, 'totals', 'notText'],
    ['K4', false, 'open', 'notText'],
    ['M4', '{"2010":{"budget":"mye"}}', 'totals', 'badTotals'],
    ['N4', '{"budget":{"Akkvisisjon":42}}', 'values', 'badValues'],
    ['N4', '{"budsjett":{}}', 'values', 'badValues'],
  ] as const)('reports %s = %j as %s %s', (ref, value, column, issue) => {
    const { state, problems } = decodeReviewSheet(edit(rows, ref, value));
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'badCell', cell: `Avstemmingslogg!${ref}`, column, issue }),
    ]);
    const table = ref.charCodeAt(0) >= 'H'.charCodeAt(0) ? 'signOffs' : 'explanations';
    expect(state.unread[table]).toHaveLength(1);
    const written = encodeReviewSheet(state).flat();
    expect(written).toContain(
      value === true ? 'TRUE' : value === false ? 'FALSE' : typeof value === 'object' ? '#REF!' : value,
    );
  });

  it('keeps the rows of a table that lacks a required column, and the column comes back on the next write', () => {
    const noFigures = rows.map((r) => [...r.slice(0, 2), ...r.slice(3)]);
    const { state, problems } = decodeReviewSheet(noFigures);
    expect(problems).toEqual([
      { kind: 'missingColumn', cell: 'Avstemmingslogg!A3', table: 'explanations', column: 'figures' },
    ]);
    expect(state.explanations).toEqual([]);
    expect(state.unread.explanations).toHaveLength(4);
    expect(state.signOffs).toEqual(log.signOffs);
    const rewritten = decodeReviewSheet(encodeReviewSheet(state));
    expect(rewritten.problems).toEqual([]);
    expect(rewritten.state.explanations.map((e) => e.reason)).toEqual(log.explanations.map((e) => e.reason));
  });

  it('keeps a column it does not know, and its cells, where the next write puts them after the known ones', () => {
    const withNote = edit(edit(rows, 'G3', 'kommentar'), 'G4', 'sjekket av revisor');
    // The sign-offs table moves one column right, as a user inserting a column would make it.
    const shifted = withNote.map((r, i) => (i < 2 ? r : [...r.slice(0, 7), null, ...r.slice(7)]));
    const { state, problems } = decodeReviewSheet(shifted);
    expect(problems).toEqual([]);
    expect(state.extraColumns.explanations).toEqual(['kommentar']);
    expect(state.explanations[0].extra).toEqual({ kommentar: 'sjekket av revisor' });
    expect(encodeReviewSheet(state)[3][6]).toBe('sjekket av revisor');
  });

  it('reads a log of a newer format version as read-only, and never writes it', () => {
    const { state, problems } = decodeReviewSheet(edit(rows, 'B1', 2));
    expect(problems).toEqual([{ kind: 'newerVersion', cell: 'Avstemmingslogg!B1', version: 2 }]);
    expect(state).toMatchObject({ readOnly: true, formatVersion: 2, explanations: [], signOffs: [] });
    expect(() => encodeReviewSheet(state)).toThrow(/read-only/);
  });

  it('reads, but will not write, a log with content outside its tables or a header named twice', () => {
    const stray = decodeReviewSheet(edit(edit(rows, 'P9', 'husk å sjekke'), 'A2', 'notat'));
    expect(stray.problems).toEqual([{ kind: 'strayContent', cell: 'Avstemmingslogg!A2', count: 2 }]);
    expect(stray.state.readOnly).toBe(true);
    expect(stray.state.explanations).toEqual(log.explanations);
    const twice = decodeReviewSheet(edit(rows, 'F3', 'reason'));
    expect(twice.problems[0]).toEqual({
      kind: 'duplicateColumn',
      cell: 'Avstemmingslogg!F3',
      table: 'explanations',
      column: 'reason',
    });
    expect(twice.state.readOnly).toBe(true);
  });

  it('reads a log whose version cell is gone as version 1, and says so', () => {
    const { state, problems } = decodeReviewSheet(edit(edit(rows, 'A1', null), 'B1', null));
    expect(problems).toEqual([{ kind: 'badVersion', cell: 'Avstemmingslogg!A1', text: '' }]);
    expect(state.explanations).toEqual(log.explanations);
    expect(state.readOnly).toBe(false);
  });

  it('names the cell on a sheet whose name needs quotes', () => {
    const { problems } = decodeReviewSheet(edit(rows, 'B5', null), 'Avstemmingslogg (2)');
    expect(problems[0].cell).toBe("'Avstemmingslogg (2)'!B5");
  });

  it('says every problem in both languages, with its cell', () => {
    const problems = [
      ...decodeReviewSheet(edit(edit(rows, 'B5', null), 'P9', 'x')).problems,
      ...decodeReviewSheet(rows.map((r) => [...r.slice(0, 2), ...r.slice(3)])).problems,
      ...decodeReviewSheet(edit(rows, 'F3', 'reason')).problems,
      ...decodeReviewSheet(edit(rows, 'B1', 'x')).problems,
      ...decodeReviewSheet(edit(rows, 'B1', 3)).problems,
    ];
    expect(new Set(problems.map((p) => p.kind))).toEqual(
      new Set(['badCell', 'strayContent', 'missingColumn', 'duplicateColumn', 'badVersion', 'newerVersion']),
    );
    expect(describeProblem(problems[0], 'nb')).toBe(
      'Avstemmingslogg!B5: En rad i forklaringer kan ikke leses: «reason» mangler. Raden er tatt vare på uendret, men ikke brukt.',
    );
    expect(describeProblem(problems[0], 'en')).toBe(
      'Avstemmingslogg!B5: A row of explanations cannot be read: «reason» is missing. The row is kept unchanged, but not used.',
    );
    for (const p of problems)
      for (const lang of ['nb', 'en'] as const)
        expect(describeProblem(p, lang)).toMatch(/^Avstemmingslogg!\w+\d: \S.*\.$/);
  });
});
