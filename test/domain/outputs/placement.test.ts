import { MARKER_NAMES, freeName, placeOutputs, type PlacementRequest } from '../../../src/domain/outputs';

const ALL: PlacementRequest[] = [
  { kind: 'reconciliation', name: 'Avstemming' },
  { kind: 'cards', name: 'Prosjektkort' },
  { kind: 'summary', name: 'Sammendrag' },
];
const marker = (kind: keyof typeof MARKER_NAMES, sheet: string) => ({
  name: MARKER_NAMES[kind],
  sheet,
  ref: '$A$1',
});

describe('placeOutputs', () => {
  it('adds new sheets under the wanted names, with a marker each', () => {
    const plan = placeOutputs(['Budsjett', 'Finansiering'], [], ALL);
    expect(plan.placements).toEqual([
      { kind: 'reconciliation', sheet: 'Avstemming', replaces: null },
      { kind: 'cards', sheet: 'Prosjektkort', replaces: null },
      { kind: 'summary', sheet: 'Sammendrag', replaces: null },
    ]);
    expect(plan.names).toEqual([
      { name: 'PlanReconciler_Reconciliation', sheet: 'Avstemming', ref: '$A$1' },
      { name: 'PlanReconciler_Cards', sheet: 'Prosjektkort', ref: '$A$1' },
      { name: 'PlanReconciler_Summary', sheet: 'Sammendrag', ref: '$A$1' },
    ]);
  });

  it("never touches a user's sheet of the same name: the output takes the next free name", () => {
    const plan = placeOutputs(['Budsjett', 'avstemming', 'Avstemming (2)'], [], ALL);
    expect(plan.placements[0]).toEqual({ kind: 'reconciliation', sheet: 'Avstemming (3)', replaces: null });
  });

  it('replaces the marked sheet in place, keeping the name the user gave it', () => {
    const plan = placeOutputs(
      ['Budsjett', 'Min avstemming', 'Prosjektkort', 'Sammendrag'],
      [marker('reconciliation', 'Min avstemming'), marker('cards', 'Prosjektkort')],
      ALL,
    );
    expect(plan.placements).toEqual([
      { kind: 'reconciliation', sheet: 'Min avstemming', replaces: 'Min avstemming' },
      { kind: 'cards', sheet: 'Prosjektkort', replaces: 'Prosjektkort' },
      { kind: 'summary', sheet: 'Sammendrag (2)', replaces: null },
    ]);
  });

  it('ignores markers that point at a missing sheet, at a sheet already claimed, or at a source sheet', () => {
    const plan = placeOutputs(
      ['Budsjett', 'X'],
      [
        marker('reconciliation', 'Gone'),
        marker('cards', 'X'),
        marker('summary', 'X'),
        marker('reconciliation', 'Budsjett'),
      ],
      ALL,
      ['Budsjett', 'Finansiering', null],
    );
    expect(plan.placements.map((p) => [p.sheet, p.replaces])).toEqual([
      ['Avstemming', null],
      ['X', 'X'],
      ['Sammendrag', null],
    ]);
    const guarded = placeOutputs(['Budsjett'], [marker('reconciliation', 'Budsjett')], ALL, ['Budsjett']);
    expect(guarded.placements[0]).toEqual({ kind: 'reconciliation', sheet: 'Avstemming', replaces: null });
  });

  it('a marked sheet under a writer’s temporary name (a rename undone) is replaced, and the output gets its name back', () => {
    const plan = placeOutputs(['Budsjett', 'Avstemming', '~PR 3'], [marker('summary', '~PR 3')], ALL);
    expect(plan.placements[2]).toEqual({ kind: 'summary', sheet: 'Sammendrag', replaces: '~PR 3' });
    expect(plan.names[2]).toEqual({ name: MARKER_NAMES.summary, sheet: 'Sammendrag', ref: '$A$1' });
  });

  it('keeps free names within 31 characters', () => {
    const long = 'A'.repeat(31);
    expect(freeName(long, new Set([long.toLowerCase()]))).toBe('A'.repeat(27) + ' (2)');
  });
});
