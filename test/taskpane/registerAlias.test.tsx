/**
 * Learning an alias from a finding: an unknown budget line, earmark or source close to a register
 * name gets a button; accepting writes the register with the alias and reconciles again, and the
 * finding is gone.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { addAlias, aliasSuggestion } from '../../src/domain/register/edit/aliases';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { readRegister } from '../../src/domain/register/readRegister';
import { modelToSnapshot } from '../../src/domain/modelToSnapshot';
import { ExcelFailure } from '../../src/excel/gateway';
import { sampleRegister } from '../../src/sample/sampleWorkbook';
import {
  liveGateway,
  openEditor,
  registerMissingAliases,
  renderPane,
  withRegister,
} from './registerFixtures';

const model = () => withRegister(registerMissingAliases());

describe('learning an alias from a finding', () => {
  it('offers the alias, writes the register with it, reconciles again, and the finding disappears', async () => {
    const before = reconcile(modelToSnapshot(model()));
    // The register as the pane has it: read back from the sheet.
    const register = readRegister(modelToSnapshot(model())).register!;
    const learnable = before.findings.filter(
      (f) => f.code === 'UNKNOWN_LINE' && f.params.label === 'Helsesdesign Arena',
    );
    expect(learnable).toHaveLength(1);
    const suggestion = aliasSuggestion(register, learnable[0]);
    expect(suggestion).not.toBeNull();

    const gateway = liveGateway(model());
    const { user } = renderPane(gateway);
    await user.click(screen.getByRole('button', { name: 'Avstem' }));
    const findings = (await screen.findByRole('heading', { name: 'Funn' })).closest('section') as HTMLElement;
    const message = within(findings).getByText(/Budsjettposten «Helsesdesign Arena» finnes ikke/);
    const item = message.closest('li') as HTMLElement;
    const button = within(item).getByRole('button', {
      name: 'Legg til som alias for «1.2 Helsedesign , Arena»',
    });
    // The finding's message describes the button (which label becomes the alias).
    expect(button).toHaveAccessibleDescription(message.textContent ?? '');

    await user.click(button);
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(1));
    const [written, options] = gateway.writeRegister.mock.calls[0];
    expect(written).toEqual(addAlias(register, suggestion!.target, suggestion!.label));
    expect(written.entries.find((e) => e.id === '1.2')?.aliases).toContain('Helsesdesign Arena');
    expect(options.basedOn).not.toBeNull();

    await waitFor(() => expect(gateway.read).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.queryByText(/Budsjettposten «Helsesdesign Arena» finnes ikke/)).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(screen.getAllByRole('status')[2]).toHaveTextContent(
        '«Helsesdesign Arena» er lagt til som alias for «1.2 Helsedesign , Arena».',
      ),
    );
    // The button that had the focus went with its finding: the findings' heading has it now.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Funn' })).toHaveFocus());
  });

  it('a failed write is shown under the finding, and the finding stays', async () => {
    const gateway = liveGateway(model());
    gateway.writeRegister.mockRejectedValueOnce(new ExcelFailure('accessDenied', 'protected'));
    const { user } = renderPane(gateway, 'en');
    await user.click(screen.getByRole('button', { name: 'Reconcile' }));
    await screen.findByRole('heading', { name: 'Findings' });
    const item = screen
      .getByText(/Budget line «Helsesdesign Arena» is not in the project register/)
      .closest('li') as HTMLElement;
    const button = within(item).getByRole('button', { name: 'Add as alias of «1.2 Helsedesign , Arena»' });
    await user.click(button);
    expect(await within(item).findByText('Could not save the project register')).toBeInTheDocument();
    expect(within(item).getByText(/The workbook is protected/)).toBeInTheDocument();
    expect(gateway.read).toHaveBeenCalledTimes(1);
    expect(
      screen.getByText(/Budget line «Helsesdesign Arena» is not in the project register/),
    ).toBeInTheDocument();
  });

  it('no button where the register has nothing close, or for other findings', async () => {
    const gateway = liveGateway();
    const { user } = renderPane(gateway);
    await user.click(screen.getByRole('button', { name: 'Avstem' }));
    await screen.findByRole('heading', { name: 'Funn' });
    expect(screen.queryByRole('button', { name: /alias for/ })).not.toBeInTheDocument();
  });

  it('an alias learned while the row’s form is open is kept when the form is saved', async () => {
    // 2.2 without its alias: the financing sheet's «Regional Innovasjon» is offered as one.
    const register = {
      ...sampleRegister(),
      entries: sampleRegister().entries.map((e) => (e.id === '2.2' ? { ...e, aliases: [] } : e)),
    };
    const gateway = liveGateway(withRegister(register));
    const { panel, user } = await openEditor(gateway);
    const name = '2.2 Regionalt innovasjonsprosjekt sammen med Campus Kjeller';
    await user.click(within(panel).getByRole('button', { name: `Rediger «${name}»` }));
    const form = within(panel).getByRole('form', { name: `Rediger «${name}»` });
    const role = within(form).getByRole('textbox', { name: 'Rådets rolle' });
    await user.clear(role);
    await user.type(role, 'styreleder');

    // Meanwhile, the finding's button learns an alias for the same row.
    await user.click(screen.getByRole('button', { name: `Legg til som alias for «${name}»` }));
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(gateway.read).toHaveBeenCalledTimes(2));
    // The form shows the row as it is now, with the change typed in it.
    await waitFor(() =>
      expect(within(form).getByRole('textbox', { name: 'Alias 1' })).toHaveValue('Regional Innovasjon'),
    );
    expect(role).toHaveValue('styreleder');

    await user.click(within(form).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(2));
    const written = gateway.writeRegister.mock.calls[1][0].entries.find((e) => e.id === '2.2');
    expect(written).toMatchObject({ role: 'styreleder', aliases: ['Regional Innovasjon'] });
    expect(await within(panel).findByText(`«${name}» er lagret i prosjektregisteret.`)).toBeInTheDocument();
  });
});
