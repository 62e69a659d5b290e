/**
 * The project register editor: the controller's writeRegister (basedOn, reading again, failures
 * as state), and the editor as a finance officer uses it: search, edit with validation on each
 * field, lists edited item by item, delete with confirmation, a co-author's change.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { kronerToOre } from '../../src/domain/amount';
import { sampleRegister } from '../../src/sample/sampleWorkbook';
import { ExcelFailure } from '../../src/excel/gateway';
import { createReconcileController } from '../../src/app/controller';
import { deferred, readOf, stubGateway } from './helpers';
import { liveGateway, openEditor, renderPane, withRegister, withoutRegister } from './registerFixtures';

describe('controller.writeRegister', () => {
  it('writes based on the fingerprint of the read, then reconciles again', async () => {
    const gateway = liveGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    const before = controller.getState().lastRead;
    expect(before?.registerFingerprint).toBe(readOf().registerFingerprint);
    expect(before?.register?.entries.length).toBe(sampleRegister().entries.length);

    const register = { ...sampleRegister(), sources: sampleRegister().sources.slice(0, 2) };
    await expect(controller.writeRegister(register, { kind: 'save', name: 'x' })).resolves.toBe(true);

    expect(gateway.writeRegister).toHaveBeenCalledTimes(1);
    expect(gateway.writeRegister.mock.calls[0][1]).toEqual({ basedOn: before?.registerFingerprint });
    expect(gateway.read).toHaveBeenCalledTimes(2);
    expect(gateway.writeRegister.mock.invocationCallOrder[0]).toBeLessThan(
      gateway.read.mock.invocationCallOrder[1],
    );
    const after = controller.getState();
    expect(after.registerWrite).toEqual({ status: 'done', change: { kind: 'save', name: 'x' } });
    expect(after.lastRead?.register?.sources.map((s) => s.name)).toEqual(['SNR', 'Bruk fond SNR']);
    expect(after.lastRead?.registerFingerprint).toBe(
      gateway.model() && readOf(gateway.model()).registerFingerprint,
    );
  });

  it('creates a register (basedOn null) in a workbook without one', async () => {
    const gateway = liveGateway(withoutRegister());
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    expect(controller.getState().lastRead).toMatchObject({
      register: null,
      hasRegisterSheet: false,
      registerFingerprint: null,
    });
    await controller.writeRegister(sampleRegister(), { kind: 'create', entries: 13, sources: 5 });
    expect(gateway.writeRegister.mock.calls[0][1]).toEqual({ basedOn: null });
    expect(controller.getState().lastRead?.hasRegisterSheet).toBe(true);
    expect(controller.getState().run.status).toBe('done');
  });

  it('a refused write is state (the failure kind), resolves false, and reads nothing', async () => {
    const gateway = stubGateway();
    gateway.writeRegister.mockRejectedValueOnce(new ExcelFailure('changed', 'changed'));
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    await expect(controller.writeRegister(sampleRegister(), { kind: 'delete', name: 'SNR' })).resolves.toBe(
      false,
    );
    expect(controller.getState().registerWrite).toMatchObject({
      status: 'error',
      failure: { kind: 'changed' },
    });
    expect(gateway.read).toHaveBeenCalledTimes(1);
    controller.dismissRegisterWrite();
    expect(controller.getState().registerWrite).toEqual({ status: 'idle' });
  });

  it('never two writes at once, and the basedOn is the one of the register edited', async () => {
    const gateway = stubGateway();
    const pending = deferred<{ fingerprint: string; syncs: number }>();
    gateway.writeRegister.mockReturnValueOnce(pending.promise);
    const controller = createReconcileController({ gateway, lang: 'nb' });
    await controller.reconcile();
    const first = controller.writeRegister(sampleRegister(), { kind: 'save', name: 'a' });
    const second = controller.writeRegister(sampleRegister(), { kind: 'save', name: 'b' });
    expect(second).toBe(first);
    expect(controller.getState().registerWrite).toMatchObject({ status: 'writing', change: { name: 'a' } });
    await act(async () => pending.resolve({ fingerprint: 'after', syncs: 2 }));
    await first;
    expect(gateway.writeRegister).toHaveBeenCalledTimes(1);
    expect(gateway.writeRegister.mock.calls[0][1].basedOn).toBe(readOf().registerFingerprint);
  });
});

/** The list item (a row of the register) whose name is exactly `name`. */
function row(panel: HTMLElement, name: string): HTMLElement {
  const p = within(panel).getByText(name, { selector: 'li > p' });
  return p.closest('li') as HTMLElement;
}

describe('register editor', () => {
  it('lists projects and sources, and the search finds by id, name, budget line and alias', async () => {
    const { panel, user } = await openEditor(liveGateway());
    const projects = within(panel).getByRole('region', { name: 'Prosjekter og budsjettposter' });
    expect(within(projects).getAllByRole('listitem')).toHaveLength(sampleRegister().entries.length);
    expect(row(panel, '1.1a Energi- og miljøklyngen')).toHaveTextContent('100 000 kr per år');
    const sources = within(panel).getByRole('region', { name: 'Finansieringskilder' });
    expect(within(sources).getAllByRole('listitem')).toHaveLength(sampleRegister().sources.length);

    const search = within(panel).getByRole('searchbox', { name: /Søk i registeret/ });
    await user.type(search, 'helsesdesign');
    expect(within(projects).getAllByRole('listitem')).toHaveLength(1);
    expect(within(projects).getByText('1.2 Helsedesign , Arena')).toBeInTheDocument();
    expect(within(projects).getByText(/Viser 1 av 13/)).toBeInTheDocument();
    expect(within(sources).getByText('Ingen treff.')).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, '3.1');
    expect(within(projects).getAllByRole('listitem')).toHaveLength(1);
    // The budget line too (1.2's line is «Helsesdesign Arena», in neither its name nor its aliases).
    expect(search).toHaveAccessibleDescription('Id, navn, budsjettpost eller alias');
    await user.clear(search);
    await user.type(search, 'regional innovasjonsprosjekt');
    expect(within(projects).getAllByRole('listitem')).toHaveLength(1);
    expect(
      within(projects).getByText('2.2 Regionalt innovasjonsprosjekt sammen med Campus Kjeller'),
    ).toBeInTheDocument();
  });

  it('shows a field error for a duplicate id and for «abc» as contribution, and writes nothing', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway);
    await user.click(
      within(row(panel, '3.1 Akkvisisjon')).getByRole('button', { name: 'Rediger «3.1 Akkvisisjon»' }),
    );
    const form = within(panel).getByRole('form', { name: 'Rediger «3.1 Akkvisisjon»' });
    // The form's heading has the focus, so a screen reader says which form opened.
    expect(within(form).getByRole('heading', { name: 'Rediger «3.1 Akkvisisjon»' })).toHaveFocus();

    const id = within(form).getByRole('textbox', { name: /^Id/ });
    await user.clear(id);
    await user.type(id, '1.1a');
    const contribution = within(form).getByRole('textbox', { name: /^Bidrag/ });
    await user.clear(contribution);
    await user.type(contribution, 'abc');
    await user.click(within(form).getByRole('button', { name: 'Lagre' }));

    expect(gateway.writeRegister).not.toHaveBeenCalled();
    expect(id).toHaveAttribute('aria-invalid', 'true');
    expect(contribution).toHaveAttribute('aria-invalid', 'true');
    // The message is the field's description (Fluent's Field), so it is read out with the field.
    expect(id).toHaveAccessibleDescription(/1\.1a/);
    expect(contribution).toHaveAccessibleDescription(/abc/);
    expect(within(form).getByText(/^Skjemaet har 2 feil/)).toHaveAttribute('role', 'alert');
    // The focus goes to the first field that is wrong.
    expect(id).toHaveFocus();

    // Corrected: the message goes as the field is fixed.
    await user.clear(id);
    await user.type(id, '3.1');
    expect(id).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('saves an edit (contribution typed the Norwegian way) based on the read, then reconciles again', async () => {
    const gateway = liveGateway();
    const { panel, user, controller } = await openEditor(gateway);
    const fingerprint = controller.getState().lastRead?.registerFingerprint;
    const editButton = within(row(panel, '3.1 Akkvisisjon')).getByRole('button', {
      name: 'Rediger «3.1 Akkvisisjon»',
    });
    await user.click(editButton);
    const form = within(panel).getByRole('form');
    const contribution = within(form).getByRole('textbox', { name: /^Bidrag/ });
    await user.clear(contribution);
    await user.type(contribution, 'kr 300.000');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Grunnlag' }), 'totalt');
    await user.click(within(form).getByRole('button', { name: 'Lagre' }));

    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(1));
    const [written, options] = gateway.writeRegister.mock.calls[0];
    expect(options).toEqual({ basedOn: fingerprint });
    const akkvisisjon = written.entries.find((e) => e.id === '3.1');
    expect(akkvisisjon).toMatchObject({
      contribution: kronerToOre(300_000),
      basis: 'totalt',
      name: 'Akkvisisjon',
    });
    // Everything else is kept as it was.
    expect(written.entries.filter((e) => e.id !== '3.1')).toEqual(
      sampleRegister().entries.filter((e) => e.id !== '3.1'),
    );
    await waitFor(() => expect(gateway.read).toHaveBeenCalledTimes(2));
    // The form closes, the list shows what was saved, the focus is back on the Edit button.
    expect(
      await within(panel).findByText('«3.1 Akkvisisjon» er lagret i prosjektregisteret.'),
    ).toBeInTheDocument();
    expect(row(panel, '3.1 Akkvisisjon')).toHaveTextContent('300 000 kr totalt');
    await waitFor(() =>
      expect(within(row(panel, '3.1 Akkvisisjon')).getByRole('button', { name: /^Rediger/ })).toHaveFocus(),
    );
    // The live region says it too.
    expect(screen.getAllByRole('status')[2]).toHaveTextContent(
      '«3.1 Akkvisisjon» er lagret i prosjektregisteret.',
    );
  });

  it('a co-author’s change: the failure is shown, the draft is kept, and Save works after reading again', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway);
    await user.click(within(row(panel, 'SNR')).getByRole('button', { name: 'Rediger «SNR»' }));
    const form = within(panel).getByRole('form', { name: 'Rediger kilden «SNR»' });
    await user.click(within(form).getByRole('button', { name: 'Legg til alias' }));
    await user.keyboard('Regionrådet');

    // Someone else adds a source meanwhile.
    const theirs = {
      ...sampleRegister(),
      sources: [...sampleRegister().sources, { name: 'Fylket', kind: 'external' as const, aliases: [] }],
    };
    gateway.changeBehindTheBack(theirs);
    await user.click(within(form).getByRole('button', { name: 'Lagre' }));

    expect(await within(form).findByText('Kunne ikke lagre prosjektregisteret')).toBeInTheDocument();
    // The advice fits the form: the change is kept, and is saved after reading the register again.
    expect(
      within(form).getByText(
        /Prosjektregisteret er endret av noen andre\. .*ingenting ble lagret\. Endringene dine er beholdt i skjemaet: les registeret på nytt, og lagre igjen\./,
      ),
    ).toBeInTheDocument();
    expect(within(form).queryByText(/gjør endringen igjen/)).not.toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Alias 2' })).toHaveValue('Regionrådet');
    expect(gateway.read).toHaveBeenCalledTimes(1);

    await user.click(within(form).getByRole('button', { name: 'Les registeret på nytt' }));
    await waitFor(() => expect(gateway.read).toHaveBeenCalledTimes(2));
    expect(within(panel).getByRole('textbox', { name: 'Alias 2' })).toHaveValue('Regionrådet');
    // Read again: the failure no longer applies, and goes; the focus goes to the form's heading
    // (the button that had it went with the failure).
    await waitFor(() =>
      expect(within(form).queryByText('Kunne ikke lagre prosjektregisteret')).not.toBeInTheDocument(),
    );
    expect(within(form).queryByRole('button', { name: 'Les registeret på nytt' })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(within(form).getByRole('heading', { name: 'Rediger kilden «SNR»' })).toHaveFocus(),
    );
    await user.click(within(panel).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(2));
    const [written] = gateway.writeRegister.mock.calls[1];
    // The co-author's source is kept, and the edit is on top of it.
    expect(written.sources.map((s) => s.name)).toEqual([
      ...sampleRegister().sources.map((s) => s.name),
      'Fylket',
    ]);
    expect(written.sources[0].aliases).toEqual(['Samarbeidsrådet for Nedre Romerike', 'Regionrådet']);
    expect(await within(panel).findByText('«SNR» er lagret i prosjektregisteret.')).toBeInTheDocument();
  });

  it('deletes only after confirmation; Cancel and Escape keep the row', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway);
    const target = '4.1 Samhandling kommune og næringsliv';
    const button = within(row(panel, target)).getByRole('button', { name: `Slett «${target}»` });

    await user.click(button);
    let dialog = await screen.findByRole('alertdialog', { name: `Slette «${target}»?` });
    expect(dialog).toHaveAccessibleDescription(/fjernes fra prosjektregisteret/);
    // The safe choice has the focus.
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Avbryt' })).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());

    await user.click(button);
    dialog = await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(gateway.writeRegister).not.toHaveBeenCalled();

    await user.click(button);
    dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Slett' }));
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(1));
    const [written] = gateway.writeRegister.mock.calls[0];
    expect(written.entries).toHaveLength(sampleRegister().entries.length - 1);
    expect(written.entries.map((e) => `${e.id} ${e.name}`)).not.toContain(target);
    expect(
      await within(panel).findByText(`«${target}» er slettet fra prosjektregisteret.`),
    ).toBeInTheDocument();
    expect(within(panel).queryByText(target, { selector: 'li > p' })).not.toBeInTheDocument();
  });

  it('edits partners, goals and aliases item by item', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway);
    await user.click(
      within(row(panel, '1.1a Energi- og miljøklyngen')).getByRole('button', { name: /^Rediger/ }),
    );
    const form = within(panel).getByRole('form');
    const aliases = within(form).getByRole('group', { name: 'Alias (andre navn)' });
    expect(within(aliases).getByRole('textbox', { name: 'Alias 1' })).toHaveValue('Energi og miljøklyngen');
    expect(within(aliases).getByRole('textbox', { name: 'Alias 2' })).toHaveValue(
      'Oslo Renewable Energy and Environment Cluster',
    );

    await user.click(within(aliases).getByRole('button', { name: 'Legg til alias' }));
    const third = within(aliases).getByRole('textbox', { name: 'Alias 3' });
    expect(third).toHaveFocus();
    await user.keyboard('ORE');
    await user.click(within(aliases).getByRole('button', { name: 'Fjern alias 1' }));
    // The focus stays in the list, on the item that took the removed one's place.
    expect(within(aliases).getByRole('textbox', { name: 'Alias 1' })).toHaveFocus();

    const partners = within(form).getByRole('group', { name: 'Partnere' });
    await user.click(within(partners).getByRole('button', { name: 'Legg til partner' }));
    await user.keyboard('Kunnskapsbyen');
    await user.click(within(partners).getByRole('button', { name: 'Legg til partner' }));
    await user.keyboard('NILU');
    const goals = within(form).getByRole('group', { name: 'Mål' });
    await user.click(within(goals).getByRole('button', { name: 'Legg til mål' }));
    await user.keyboard('Flere arbeidsplasser');

    await user.click(within(form).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(1));
    const entry = gateway.writeRegister.mock.calls[0][0].entries.find((e) => e.id === '1.1a');
    expect(entry?.aliases).toEqual(['Oslo Renewable Energy and Environment Cluster', 'ORE']);
    expect(entry?.partners).toEqual(['Kunnskapsbyen', 'NILU']);
    expect(entry?.goals).toEqual(['Flere arbeidsplasser']);
  });

  it('Enter in a list item adds an item after it, and does not save', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway);
    await user.click(
      within(row(panel, '1.1a Energi- og miljøklyngen')).getByRole('button', { name: /^Rediger/ }),
    );
    const form = within(panel).getByRole('form');
    const aliases = within(form).getByRole('group', { name: 'Alias (andre navn)' });
    await user.click(within(aliases).getByRole('textbox', { name: 'Alias 1' }));
    await user.keyboard('{Enter}');
    // A new, empty item right after the first, with the focus in it.
    const second = within(aliases).getByRole('textbox', { name: 'Alias 2' });
    expect(second).toHaveValue('');
    expect(second).toHaveFocus();
    expect(within(aliases).getByRole('textbox', { name: 'Alias 3' })).toHaveValue(
      'Oslo Renewable Energy and Environment Cluster',
    );
    await user.keyboard('ORE{Enter}Energiklyngen');
    expect(within(aliases).getByRole('textbox', { name: 'Alias 3' })).toHaveValue('Energiklyngen');
    expect(gateway.writeRegister).not.toHaveBeenCalled();
    expect(within(panel).getByRole('form')).toBeInTheDocument();

    // Enter in any other field still saves.
    await user.type(within(form).getByRole('textbox', { name: /^Fase/ }), '{Enter}');
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(1));
    const entry = gateway.writeRegister.mock.calls[0][0].entries.find((e) => e.id === '1.1a');
    expect(entry?.aliases).toEqual([
      'Energi og miljøklyngen',
      'ORE',
      'Energiklyngen',
      'Oslo Renewable Energy and Environment Cluster',
    ]);
  });

  it('adds a project with its budget line picked from the budget sheet; Escape cancels a form', async () => {
    // The register without the line «Diverse» (every other line already belongs to a row).
    const register = {
      ...sampleRegister(),
      entries: sampleRegister().entries.filter((e) => e.name !== 'Diverse'),
    };
    const gateway = liveGateway(withRegister(register));
    const { panel, user } = await openEditor(gateway);
    const add = within(panel).getByRole('button', { name: 'Legg til prosjekt' });
    await user.click(add);
    let form = within(panel).getByRole('form', { name: 'Nytt prosjekt' });
    await user.keyboard('{Escape}');
    expect(within(panel).queryByRole('form')).not.toBeInTheDocument();
    // The focus is back on the button that opened the form.
    await waitFor(() =>
      expect(within(panel).getByRole('button', { name: 'Legg til prosjekt' })).toHaveFocus(),
    );

    await user.click(within(panel).getByRole('button', { name: 'Legg til prosjekt' }));
    form = within(panel).getByRole('form', { name: 'Nytt prosjekt' });
    const line = within(form).getByRole('combobox', { name: 'Budsjettpost' });
    const options = within(line)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(
      expect.arrayContaining(['(ingen budsjettpost)', 'Akkvisisjon', 'Koordinering, drift']),
    );
    await user.type(within(form).getByRole('textbox', { name: /^Id/ }), '5.1');
    await user.type(within(form).getByRole('textbox', { name: /^Navn/ }), 'Nytt prosjekt');
    await user.type(within(form).getByRole('textbox', { name: /^Bidrag/ }), '200 000');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Grunnlag' }), 'per år');
    await user.selectOptions(line, 'Diverse');
    // Enter in a field saves.
    await user.type(within(form).getByRole('textbox', { name: /^Fase/ }), 'Ny forstudie{Enter}');
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(1));
    const written = gateway.writeRegister.mock.calls[0][0];
    expect(written.entries).toHaveLength(register.entries.length + 1);
    expect(written.entries[written.entries.length - 1]).toMatchObject({
      id: '5.1',
      name: 'Nytt prosjekt',
      contribution: kronerToOre(200_000),
      basis: 'per år',
      budgetLine: 'Diverse',
      phase: 'Ny forstudie',
      kind: 'project',
    });
  });

  it('shows the very hidden register sheet in Excel on request, and hides it again', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway);
    expect(panel).toHaveTextContent('Excels menyer kan ikke vise det');
    await user.click(within(panel).getByRole('button', { name: 'Vis registerarket' }));
    expect(gateway.setRegisterVisible).toHaveBeenCalledWith(true);
    expect(await within(panel).findByText('«Prosjektregister» vises nå i arbeidsboken.')).toBeInTheDocument();
    // The sheet list is read again, so the pane knows what Excel shows.
    expect(gateway.listSheets).toHaveBeenCalledTimes(2);
    await user.click(within(panel).getByRole('button', { name: 'Skjul registerarket igjen' }));
    expect(gateway.setRegisterVisible).toHaveBeenLastCalledWith(false);
    expect(await within(panel).findByText('«Prosjektregister» er skjult igjen.')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Vis registerarket' })).toBeEnabled();
  });

  it('a failure to show the register sheet is said, with its advice', async () => {
    const gateway = liveGateway();
    gateway.setRegisterVisible.mockRejectedValueOnce(new ExcelFailure('cellEditMode', 'editing'));
    const { panel, user } = await openEditor(gateway);
    await user.click(within(panel).getByRole('button', { name: 'Vis registerarket' }));
    expect(await within(panel).findByText('Kunne ikke vise eller skjule registerarket')).toBeInTheDocument();
    expect(panel).toHaveTextContent('Fullfør redigeringen av cellen');
  });

  it('works by keyboard alone: open, search, edit, Escape, and the focus comes back', async () => {
    const gateway = liveGateway();
    const { user, t } = renderPane(gateway);
    await user.click(screen.getByRole('button', { name: 'Avstem' }));
    await screen.findByRole('heading', { name: 'Funn' });
    const toggle = screen.getByRole('button', { name: t.reg.toggle });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = (await screen.findByRole('heading', { level: 2, name: 'Prosjektregister' })).closest(
      'section',
    ) as HTMLElement;
    expect(toggle).toHaveAttribute('aria-controls', panel.parentElement?.id);
    expect(toggle).toHaveFocus();
    // Tab goes from the button into the register: its search first.
    await user.tab();
    expect(within(panel).getByRole('searchbox')).toHaveFocus();
    await user.keyboard('Akkvisisjon');
    await user.tab();
    const edit = within(panel).getByRole('button', { name: 'Rediger «3.1 Akkvisisjon»' });
    expect(edit).toHaveFocus();
    await user.keyboard(' ');
    const form = within(panel).getByRole('form', { name: 'Rediger «3.1 Akkvisisjon»' });
    expect(within(form).getByRole('heading')).toHaveFocus();
    // The form's fields in order: kind, id, name, budget line, contribution, ...
    await user.tab();
    expect(within(form).getByRole('combobox', { name: 'Type' })).toHaveFocus();
    await user.tab();
    expect(within(form).getByRole('textbox', { name: /^Id/ })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(within(panel).getByRole('button', { name: 'Rediger «3.1 Akkvisisjon»' })).toHaveFocus(),
    );
    // And closed again with the same button.
    toggle.focus();
    await user.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('heading', { level: 2, name: 'Prosjektregister' })).not.toBeInTheDocument();
    expect(gateway.writeRegister).not.toHaveBeenCalled();
  });

  it('in English: labels, validation messages and the outcome', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway, 'en');
    expect(within(panel).getByRole('region', { name: 'Funding sources' })).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Add a source' }));
    const form = within(panel).getByRole('form', { name: 'New funding source' });
    await user.type(within(form).getByRole('textbox', { name: /^Name/ }), 'snr');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const name = within(form).getByRole('textbox', { name: /^Name/ });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText(/^The form has one error/)).toHaveAttribute('role', 'alert');
    expect(gateway.writeRegister).not.toHaveBeenCalled();
    await user.clear(name);
    await user.type(name, 'Regionrådet');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kind' }), 'own');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(
      await within(panel).findByText('«Regionrådet» was saved in the project register.'),
    ).toBeInTheDocument();
    expect(gateway.writeRegister.mock.calls[0][0].sources.at(-1)).toEqual({
      name: 'Regionrådet',
      kind: 'own',
      aliases: [],
    });
  });
});
