/**
 * Creating the register from the pane in a workbook that has none: the offer after a run, the
 * proposal with its guesses (changeable), and the write (basedOn null) followed by a new run.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { proposeRegister } from '../../src/domain/register/propose';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { liveGateway, renderPane, withoutRegister } from './registerFixtures';

async function runWithoutRegister(lang: 'nb' | 'en' = 'nb') {
  const gateway = liveGateway(withoutRegister());
  const pane = renderPane(gateway, lang);
  await pane.user.click(screen.getByRole('button', { name: pane.t.reconcile }));
  await screen.findByRole('heading', { name: pane.t.findingsHeading });
  return pane;
}

describe('creating the project register', () => {
  it('is offered after a run finds no register, and not when there is one', async () => {
    const { t } = await runWithoutRegister();
    expect(screen.getByText('Arbeidsboken har ikke noe prosjektregister')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t.reg.create })).toBeInTheDocument();
    // The run's own finding says the same.
    expect(screen.getByText('REGISTER_MISSING')).toBeInTheDocument();
  });

  it('proposes lines and sources with their guesses, lets the kind be changed, writes with basedOn null, and reconciles again', async () => {
    const { user, gateway, t } = await runWithoutRegister();
    const proposal = proposeRegister(modelToSnapshot(withoutRegister()));
    expect(proposal.register.entries.length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Lag prosjektregister' }));
    const heading = await screen.findByRole('heading', { name: 'Forslag til prosjektregister' });
    // The editor takes the focus (its heading), so keyboard and screen-reader users are there.
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: t.reg.heading })).toHaveFocus());
    const section = heading.closest('section') as HTMLElement;
    const lines = within(section).getByRole('region', { name: 'Budsjettposter' });
    const kinds = within(lines).getAllByRole('combobox');
    expect(kinds).toHaveLength(proposal.register.entries.length);

    // Each line's guess is shown, with the cell it came from.
    const first = proposal.register.entries[0];
    const firstGuess = proposal.entryGuesses[0];
    const firstKind = within(lines).getByRole('combobox', {
      name: `Type for «${first.id ? `${first.id} ${first.name}` : first.name}»`,
    });
    expect(firstKind).toHaveValue(firstGuess.kind);
    expect(firstKind).toHaveAccessibleDescription(t.reg.entryGuess(firstGuess.reason, firstGuess.cell));

    // Koordinering, drift is guessed operations; make «Akkvisisjon» operations too, to see the change land.
    const akkIndex = proposal.register.entries.findIndex((e) => e.name === 'Akkvisisjon');
    expect(akkIndex).toBeGreaterThanOrEqual(0);
    const changedTo = proposal.register.entries[akkIndex].kind === 'project' ? 'operations' : 'project';
    await user.selectOptions(kinds[akkIndex], changedTo);

    const sources = within(section).getByRole('region', { name: 'Finansieringskilder' });
    const sourceKinds = within(sources).getAllByRole('combobox');
    expect(sourceKinds).toHaveLength(proposal.register.sources.length);
    const snrIndex = proposal.register.sources.findIndex((s) => s.name === 'SNR');
    if (snrIndex >= 0) expect(sourceKinds[snrIndex]).toHaveValue('own');

    await user.click(within(section).getByRole('button', { name: 'Lagre prosjektregisteret' }));
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(1));
    const [register, options] = gateway.writeRegister.mock.calls[0];
    expect(options).toEqual({ basedOn: null });
    expect(register.entries.map((e) => e.name)).toEqual(proposal.register.entries.map((e) => e.name));
    expect(register.entries[akkIndex].kind).toBe(changedTo);
    expect(register.entries.filter((_, i) => i !== akkIndex)).toEqual(
      proposal.register.entries.filter((_, i) => i !== akkIndex),
    );
    expect(register.sources).toEqual(proposal.register.sources);

    // A new read, and the editor on the new register.
    await waitFor(() => expect(gateway.read).toHaveBeenCalledTimes(2));
    expect(
      await screen.findByText(
        t.reg.written({ kind: 'create', entries: register.entries.length, sources: register.sources.length }),
        { ignore: '[role="status"]' },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Prosjekter og budsjettposter' })).toBeInTheDocument();
    expect(screen.queryByText('Arbeidsboken har ikke noe prosjektregister')).not.toBeInTheDocument();
    expect(screen.queryByText('REGISTER_MISSING')).not.toBeInTheDocument();
  });

  it('an earmark the proposal could not tie is then offered as an alias, and learning it clears it', async () => {
    // `Helse-design` in the financing sheet, for the budget line `Helsesdesign Arena`.
    const model = withoutRegister();
    const relabelled = {
      sheets: model.sheets.map((s) =>
        s.name !== 'Finansiering'
          ? s
          : {
              ...s,
              cells: s.cells.map((c) => (c.value === 'Helsesdesign' ? { ...c, value: 'Helse-design' } : c)),
            },
      ),
    };
    const gateway = liveGateway(relabelled);
    const { user } = renderPane(gateway);
    await user.click(screen.getByRole('button', { name: 'Avstem' }));
    await user.click(await screen.findByRole('button', { name: 'Lag prosjektregister' }));
    await user.click(await screen.findByRole('button', { name: 'Lagre prosjektregisteret' }));
    const unknown = /Øremerket finansiering «Helse-design»/;
    const message = await screen.findByText(unknown);
    const item = message.closest('li') as HTMLElement;
    // Focus: the proposal's Save went with the proposal; the register's heading has it now.
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2, name: 'Prosjektregister' })).toHaveFocus(),
    );
    await user.click(
      within(item).getByRole('button', { name: /^Legg til som alias for «P\d+ Helsesdesign Arena»$/ }),
    );
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(2));
    // Based on the register the pane just created (its fingerprint after that write).
    const created = (await gateway.writeRegister.mock.results[0].value) as { fingerprint: string };
    expect(gateway.writeRegister.mock.calls[1][1]).toEqual({ basedOn: created.fingerprint });
    await waitFor(() => expect(screen.queryByText(unknown)).not.toBeInTheDocument());
    const written = gateway.writeRegister.mock.calls[1][0];
    expect(written.entries.find((e) => e.name === 'Helsesdesign Arena')?.aliases).toContain('Helse-design');
  });

  it('the ids: placeholders said to be so, editable, renumbered with the kind, and checked before saving', async () => {
    const { user, gateway } = await runWithoutRegister();
    await user.click(screen.getByRole('button', { name: 'Lag prosjektregister' }));
    const section = (await screen.findByRole('heading', { name: 'Forslag til prosjektregister' })).closest(
      'section',
    ) as HTMLElement;
    const lines = within(section).getByRole('region', { name: 'Budsjettposter' });
    expect(
      within(lines).getByText(
        'Prosjektnumrene P1, P2 … er plassholdere. Bytt dem ut med prosjektnumrene i handlingsplanen (for eksempel 1.1a).',
      ),
    ).toBeInTheDocument();
    const id = (name: string) =>
      within(lines).getByRole('textbox', { name: new RegExp(`^Id for «${name}»`) });
    const kind = (label: string) => within(lines).getByRole('combobox', { name: `Type for «${label}»` });
    // One id per project line, prefilled with its placeholder; none for the operations lines.
    expect(within(lines).getAllByRole('textbox')).toHaveLength(7);
    expect(id('Energi og miljø')).toHaveValue('P1');
    expect(id('Interreg prosjekt FEM')).toHaveValue('P2');
    expect(within(lines).queryByRole('textbox', { name: /Diverse/ })).not.toBeInTheDocument();

    // Made operations: the id goes. Made a project: the lowest placeholder free.
    await user.selectOptions(kind('P2 Interreg prosjekt FEM'), 'operations');
    expect(within(lines).queryByRole('textbox', { name: /Interreg/ })).not.toBeInTheDocument();
    expect(kind('Interreg prosjekt FEM')).toHaveValue('operations');
    await user.selectOptions(kind('Diverse'), 'project');
    expect(id('Diverse')).toHaveValue('P2');
    expect(kind('P2 Diverse')).toHaveValue('project');

    // The labels follow the id typed.
    await user.clear(id('Energi og miljø'));
    await user.type(id('Energi og miljø'), '1.1a');
    expect(kind('1.1a Energi og miljø')).toBeInTheDocument();
    // An id twice (case and spaces do not count), and a project without one.
    await user.clear(id('Helsesdesign Arena'));
    await user.type(id('Helsesdesign Arena'), '1.1 A');
    await user.clear(id('Reiselivet'));
    await user.click(within(section).getByRole('button', { name: 'Lagre prosjektregisteret' }));
    expect(gateway.writeRegister).not.toHaveBeenCalled();
    expect(id('Energi og miljø')).toHaveAttribute('aria-invalid', 'true');
    expect(id('Energi og miljø')).toHaveAccessibleDescription(
      'Id «1.1a» er allerede brukt av «1.1 A Helsesdesign Arena».',
    );
    expect(id('Helsesdesign Arena')).toHaveAccessibleDescription(
      'Id «1.1 A» er allerede brukt av «1.1a Energi og miljø».',
    );
    expect(id('Reiselivet')).toHaveAccessibleDescription(/^Id må fylles ut\./);
    expect(id('Akkvisisjon')).not.toHaveAttribute('aria-invalid', 'true');
    expect(within(section).getByText(/^Skjemaet har 3 feil/)).toHaveAttribute('role', 'alert');
    expect(id('Energi og miljø')).toHaveFocus();

    await user.clear(id('Helsesdesign Arena'));
    await user.type(id('Helsesdesign Arena'), '1.2');
    await user.type(id('Reiselivet'), ' 1.3 ');
    expect(id('Reiselivet')).not.toHaveAttribute('aria-invalid', 'true');
    await user.click(within(section).getByRole('button', { name: 'Lagre prosjektregisteret' }));
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(1));
    const written = gateway.writeRegister.mock.calls[0][0];
    expect(written.entries.map((e) => [e.id, e.name, e.kind])).toEqual([
      ['', 'Koordinering, drift', 'operations'],
      ['1.1a', 'Energi og miljø', 'project'],
      ['', 'Interreg prosjekt FEM', 'operations'],
      ['1.2', 'Helsesdesign Arena', 'project'],
      ['1.3', 'Reiselivet', 'project'],
      ['P5', 'Etablerertjenesten', 'project'],
      ['P6', 'Regional Innovasjonsprosjekt', 'project'],
      ['P7', 'Akkvisisjon', 'project'],
      ['P2', 'Diverse', 'project'],
    ]);
  });

  it('in English', async () => {
    const { user } = await runWithoutRegister('en');
    expect(screen.getByText('The workbook has no project register')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create the project register' }));
    expect(await screen.findByRole('heading', { name: 'Proposed project register' })).toBeInTheDocument();
    const lines = screen.getByRole('region', { name: 'Budget lines' });
    expect(
      within(lines).getByText(
        'The project numbers P1, P2 … are placeholders. Replace them with the project numbers of the plan (for example 1.1a).',
      ),
    ).toBeInTheDocument();
    const id = within(lines).getByRole('textbox', { name: /^Id of «Energi og miljø»/ });
    expect(id).toHaveValue('P1');
    await user.clear(id);
    await user.click(screen.getByRole('button', { name: 'Save the project register' }));
    expect(id).toHaveAccessibleDescription(/^Id is required\./);
    expect(screen.getByText(/^The form has one error/)).toHaveAttribute('role', 'alert');
    expect(screen.getByRole('button', { name: 'Save the project register' })).toBeInTheDocument();
  });
});
