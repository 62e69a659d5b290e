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

  it('in English', async () => {
    const { user } = await runWithoutRegister('en');
    expect(screen.getByText('The workbook has no project register')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create the project register' }));
    expect(await screen.findByRole('heading', { name: 'Proposed project register' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Budget lines' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save the project register' })).toBeInTheDocument();
  });
});
