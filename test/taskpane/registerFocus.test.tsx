/**
 * Where the focus and the accessibility tree are after the register editor's dialogs and message
 * bars close: nothing stays hidden behind a closed dialog, and the focus never falls to <body>.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { registerToJson } from '../../src/domain/register/codec/json';
import { ExcelFailure } from '../../src/excel/gateway';
import { sampleRegister } from '../../src/sample/sampleWorkbook';
import { liveGateway, openEditor, renderPane } from './registerFixtures';

/** The pane's <main> and every element above it: none may be hidden from assistive technology. */
function hiddenAncestors(): Element[] {
  const out: Element[] = [];
  for (let el: Element | null = document.querySelector('main'); el !== null; el = el.parentElement) {
    if (el.getAttribute('aria-hidden') === 'true') out.push(el);
  }
  return out;
}

/**
 * Once, before the tests: the pane reconciles and opens the register editor, each step awaited on
 * the promise the pane itself waits for, inside act() (no polling against a clock). The first time
 * this happens in a Jest worker it is slow: the lazy chunks (engine, result view, editor) are
 * modules transpiled and evaluated on first use, React.lazy suspends the first render of each
 * view, and Fluent computes the styles of every component it draws for the first time. Inside the
 * first test's openEditor that took longer than the one second findBy waits when the machine was
 * busy: the first test failed under load and passed alone. These tests are about focus; the
 * loading is paid here.
 */
beforeAll(async () => {
  const { controller, t, unmount } = renderPane(liveGateway());
  await act(() => controller.reconcile());
  expect(screen.getByRole('heading', { name: t.findingsHeading })).toBeInTheDocument();
  // A plain click inside act(), not user-event's (which lets React render on its own schedule):
  // act() returns once React has rendered the editor its chunk resolves to.
  await act(async () => {
    screen.getByRole('button', { name: t.reg.toggle }).click();
    await import('../../src/taskpane/register/RegisterPanel');
  });
  expect(screen.getByRole('heading', { level: 2, name: t.reg.heading })).toBeInTheDocument();
  unmount();
});

function row(panel: HTMLElement, name: string): HTMLElement {
  return within(panel).getByText(name, { selector: 'li > p' }).closest('li') as HTMLElement;
}

describe('register editor: the delete dialog leaves the pane as it was', () => {
  it('after Cancel, Escape and Delete nothing is left aria-hidden', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway);
    const target = '4.1 Samhandling kommune og næringsliv';
    const button = within(row(panel, target)).getByRole('button', { name: `Slett «${target}»` });

    await user.click(button);
    let dialog = await screen.findByRole('alertdialog');
    // While the dialog is open, the pane behind it is hidden (the dialog is modal) and Tab stays in it.
    await waitFor(() => expect(hiddenAncestors().length).toBeGreaterThan(0));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Avbryt' })).toHaveFocus());
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Slett' })).toHaveFocus();
    await user.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(hiddenAncestors()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Avstem' })).toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());

    await user.click(button);
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(hiddenAncestors()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Avstem' })).toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());

    await user.click(button);
    dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Slett' }));
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(1));
    await within(panel).findByText(`«${target}» er slettet fra prosjektregisteret.`);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(hiddenAncestors()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Avstem' })).toBeInTheDocument();
    // The row is gone: its table's heading has the focus.
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Prosjekter og budsjettposter' })).toHaveFocus(),
    );
    // Tab still moves through the pane (no element of a closed dialog is in the way).
    await user.tab();
    expect(document.activeElement).not.toBe(document.body);
    expect(panel).toContainElement(document.activeElement as HTMLElement);
  });
});

describe('register editor: closing a message puts the focus somewhere sensible', () => {
  it('«Lukk» on an import’s errors and «Avbryt» on its confirmation: the file input', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway);
    const input = within(panel).getByLabelText('Importer fra fil (.json eller .csv)');

    await user.upload(input, new File(['{ not json'], 'feil.json', { type: 'application/json' }));
    const failure = await within(panel).findByRole('group', { name: 'Kunne ikke importere «feil.json»' });
    within(failure).getByRole('button', { name: 'Lukk' }).focus();
    await user.keyboard('{Enter}');
    expect(within(panel).queryByRole('group', { name: /feil\.json/ })).not.toBeInTheDocument();
    expect(document.activeElement).toBe(input);

    const good = new File([registerToJson(sampleRegister())], 'register.json', { type: 'application/json' });
    await user.upload(input, good);
    const confirm = await within(panel).findByRole('group', { name: 'Importere «register.json»?' });
    within(confirm).getByRole('button', { name: 'Avbryt' }).focus();
    await user.keyboard('{Enter}');
    expect(within(panel).queryByRole('group', { name: /register\.json/ })).not.toBeInTheDocument();
    expect(document.activeElement).toBe(input);
    expect(gateway.writeRegister).not.toHaveBeenCalled();
  });

  it('«Lukk» on a failed save: the form’s heading; on a failed deletion: the register’s heading', async () => {
    const gateway = liveGateway();
    gateway.writeRegister.mockRejectedValueOnce(new ExcelFailure('accessDenied', 'protected'));
    gateway.writeRegister.mockRejectedValueOnce(new ExcelFailure('accessDenied', 'protected'));
    const { panel, user } = await openEditor(gateway);

    await user.click(within(panel).getByRole('button', { name: 'Rediger «SNR»' }));
    const form = within(panel).getByRole('form', { name: 'Rediger kilden «SNR»' });
    await user.click(within(form).getByRole('button', { name: 'Lagre' }));
    expect(await within(form).findByText('Kunne ikke lagre prosjektregisteret')).toBeInTheDocument();
    within(form).getByRole('button', { name: 'Lukk' }).focus();
    await user.keyboard('{Enter}');
    expect(within(form).queryByText('Kunne ikke lagre prosjektregisteret')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(within(form).getByRole('heading', { name: 'Rediger kilden «SNR»' }));
    await user.keyboard('{Escape}');

    const target = 'Innovasjon Norge';
    await user.click(within(row(panel, target)).getByRole('button', { name: `Slett «${target}»` }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Slett' }));
    expect(await within(panel).findByText('Kunne ikke lagre prosjektregisteret')).toBeInTheDocument();
    within(panel).getByRole('button', { name: 'Lukk' }).focus();
    await user.keyboard('{Enter}');
    expect(within(panel).queryByText('Kunne ikke lagre prosjektregisteret')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(
      within(panel).getByRole('heading', { level: 2, name: 'Prosjektregister' }),
    );
  });

  it('in English: a deletion refused after a co-author’s change is to be made again; reading again clears it', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway, 'en');
    gateway.changeBehindTheBack({ ...sampleRegister(), sources: sampleRegister().sources.slice(0, 4) });
    const target = 'Innovasjon Norge';
    await user.click(within(row(panel, target)).getByRole('button', { name: `Delete «${target}»` }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(
      await within(panel).findByText(
        /Someone else changed the project register\. .*so nothing was saved\. Read the register again, then make your change again\./,
      ),
    ).toBeInTheDocument();
    const reread = within(panel).getByRole('button', { name: 'Read the register again' });
    reread.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(gateway.read).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(within(panel).queryByText('Could not save the project register')).not.toBeInTheDocument(),
    );
    // The button went with the message: the register's heading has the focus.
    await waitFor(() =>
      expect(within(panel).getByRole('heading', { level: 2, name: 'Project register' })).toHaveFocus(),
    );
    // The register as read again: the co-author's deletion of «SNRs bidrag» shows.
    expect(within(panel).queryByText('SNRs bidrag', { selector: 'li > p' })).not.toBeInTheDocument();
  });
});
