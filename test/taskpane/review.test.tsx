/**
 * Reviewing the reconciliation in the pane (issue 17), as a finance officer does it: explaining a
 * warning, what is refused, taking an explanation back, signing off (not while an error is open),
 * the name and the live switch remembered on this machine, and what changed since the last result
 * announced without moving the focus.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createReconcileController, type ReconcileControllerOptions } from '../../src/app/controller';
import type { WorkbookModel } from '../../src/domain/model';
import { emptyReviewState, REVIEW_SHEET, withEntries, type Explanation } from '../../src/domain/review';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { createPaneController, TaskpaneRoot } from '../../src/taskpane/mount';
import { editBudget, plain, reviewSheetOf, workbookStub, type WorkbookStub } from './helpers';

// 5 March 2024 10:12 in Oslo (UTC+1).
const NOW = { epochMs: Date.UTC(2024, 2, 5, 9, 12), offsetMinutes: 60 };
const WARNING_12 = 'CONTRIBUTION_MISMATCH|project=1.2|year=2010';

function renderPane(gateway: WorkbookStub, options: Partial<ReconcileControllerOptions> = {}) {
  const controller = createReconcileController({ gateway, lang: 'nb', now: () => NOW, ...options });
  const user = userEvent.setup();
  const view = render(<TaskpaneRoot controller={controller} preload={false} />);
  return { controller, gateway, user, ...view };
}

async function reconcile(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Avstem' }));
  await screen.findByRole('heading', { name: 'Funn' });
}

/** The section under a heading (a severity group, the explained findings, the sign-off). */
const sectionOf = (name: string | RegExp) =>
  screen.getByRole('heading', { name }).closest('section') as HTMLElement;

/** The list item of the finding whose message says `text`. */
const itemWith = (text: RegExp) => screen.getByText(text).closest('li') as HTMLElement;

/** The sample workbook with a review log holding these explanations. */
function withLog(explanations: Explanation[], edit?: (model: WorkbookModel) => WorkbookModel): WorkbookModel {
  const sheet = reviewSheetOf(withEntries(emptyReviewState(), { explanations }));
  const model = { sheets: [...sampleWorkbookModel().sheets, sheet] };
  return edit ? edit(model) : model;
}

beforeEach(() => {
  window.localStorage.clear();
});

describe('explaining a finding', () => {
  it('explains 1.2’s warning: the reason as typed is saved, and the finding moves to the explained ones', async () => {
    const { user, gateway } = renderPane(workbookStub());
    await reconcile(user);
    const item = itemWith(/Prosjekt 1\.2 «Helsedesign , Arena»/);
    const explain = within(item).getByRole('button', { name: 'Forklar' });
    expect(explain).toHaveAccessibleDescription(/Prosjekt 1\.2 «Helsedesign , Arena»/);
    await user.click(explain);

    const form = within(item).getByRole('form', { name: 'Forklar funnet' });
    const reason = within(form).getByRole('textbox', { name: /Begrunnelse/ });
    expect(reason).toHaveFocus();
    await user.type(reason, 'Forskuttert i 2009, jf. styrevedtak 12/09');
    // No name is remembered yet: the form asks for it, this once.
    await user.type(within(form).getByRole('textbox', { name: /Ditt navn/ }), 'Kari Nordmann');
    await user.click(within(form).getByRole('button', { name: 'Lagre forklaring' }));

    const explained = await screen.findByRole('heading', { name: 'Forklarte funn (1)' });
    expect(gateway.appendReview).toHaveBeenCalledTimes(1);
    expect(gateway.appendReview.mock.calls[0][0].explanations?.[0]).toMatchObject({
      key: WARNING_12,
      reason: 'Forskuttert i 2009, jf. styrevedtak 12/09',
      by: 'Kari Nordmann',
      at: '2024-03-05T10:12:00+01:00',
    });
    const moved = within(explained.closest('section') as HTMLElement).getByRole('listitem');
    expect(plain(moved.textContent)).toContain('Prosjekt 1.2 «Helsedesign , Arena»');
    expect(within(moved).getByText('«Forskuttert i 2009, jf. styrevedtak 12/09»')).toBeInTheDocument();
    expect(
      within(moved).getByText('Forklart av Kari Nordmann den 5. mars 2024 kl. 10.12'),
    ).toBeInTheDocument();
    expect(within(moved).getByRole('button', { name: 'Trekk tilbake' })).toBeInTheDocument();
    // The open warnings are one fewer, and the summary says one is explained.
    expect(screen.getByRole('heading', { name: '! Advarsler (1)' })).toBeInTheDocument();
    expect(
      screen.getByText(/4 funn: 1 feil, 2 advarsler, 1 til informasjon\. 1 forklart\./),
    ).toBeInTheDocument();
    // The focus went with the finding, and the outcome is announced.
    await waitFor(() => expect(explained).toHaveFocus());
    await waitFor(() =>
      expect(screen.getAllByRole('status')[3]).toHaveTextContent(
        'Forklaringen er lagret. Funnet står under Forklarte funn.',
      ),
    );
  });

  it('refuses an empty reason with a message at the field, writes nothing, and Avbryt gives the focus back', async () => {
    const { user, gateway } = renderPane(workbookStub());
    await reconcile(user);
    const item = itemWith(/Prosjekt 3\.1 «Akkvisisjon»/);
    const explain = within(item).getByRole('button', { name: 'Forklar' });
    await user.click(explain);
    const form = within(item).getByRole('form', { name: 'Forklar funnet' });
    const reason = within(form).getByRole('textbox', { name: /Begrunnelse/ });
    await user.type(reason, '   ');
    await user.type(within(form).getByRole('textbox', { name: /Ditt navn/ }), 'Kari');
    await user.click(within(form).getByRole('button', { name: 'Lagre forklaring' }));

    // Announced (an alert), said by the field, and the focus is back in it.
    expect(within(form).getByRole('alert')).toHaveTextContent('Skriv en begrunnelse.');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(/Skriv en begrunnelse\./);
    expect(reason).toHaveFocus();
    expect(gateway.appendReview).not.toHaveBeenCalled();

    await user.click(within(form).getByRole('button', { name: 'Avbryt' }));
    expect(within(item).queryByRole('form')).not.toBeInTheDocument();
    expect(explain).toHaveFocus();
  });

  it('a stale explanation: the finding is open, marked, its old reason shown and offered again', async () => {
    const old: Explanation = {
      key: WARNING_12,
      action: 'explained',
      reason: 'Betales av kommunene',
      figures: 'expected=200000;actual=100000;difference=-100000',
      by: 'Ola',
      at: '2024-01-10T09:00:00+01:00',
    };
    const { user } = renderPane(workbookStub(withLog([old])));
    await reconcile(user);
    const warnings = sectionOf('! Advarsler (2)');
    const item = within(warnings)
      .getByText(/Prosjekt 1\.2/)
      .closest('li') as HTMLElement;
    expect(within(item).getByText('Endret etter forklaringen')).toBeInTheDocument();
    expect(within(item).getByText('Forrige forklaring: «Betales av kommunene»')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Forklarte funn/ })).not.toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Forklar' }));
    expect(within(item).getByRole('textbox', { name: /Begrunnelse/ })).toHaveValue('Betales av kommunene');
  });

  it('takes an explanation back: the finding is open again', async () => {
    const given: Explanation = {
      key: WARNING_12,
      action: 'explained',
      reason: 'Avtalt',
      figures: 'expected=200000;actual=0;difference=-200000',
      by: 'Ola',
      at: '2024-01-10T09:00:00+01:00',
    };
    window.localStorage.setItem('planReconciler.reviewerName', 'Kari');
    const { user, gateway } = renderPane(workbookStub(withLog([given])));
    await reconcile(user);
    const explained = sectionOf('Forklarte funn (1)');
    expect(within(explained).getByText('Forklart av Ola den 10. januar 2024 kl. 09.00')).toBeInTheDocument();
    await user.click(within(explained).getByRole('button', { name: 'Trekk tilbake' }));

    await waitFor(() => expect(screen.getByRole('heading', { name: '! Advarsler (2)' })).toBeInTheDocument());
    expect(gateway.appendReview.mock.calls[0][0].explanations?.[0]).toMatchObject({
      key: WARNING_12,
      action: 'withdrawn',
      by: 'Kari',
    });
    expect(screen.queryByRole('heading', { name: /Forklarte funn/ })).not.toBeInTheDocument();
    const item = itemWith(/Prosjekt 1\.2 «Helsedesign , Arena»/);
    await waitFor(() => expect(within(item).getByRole('button', { name: 'Forklar' })).toHaveFocus());
  });

  it('shows what is wrong with the review log, naming the cell', async () => {
    const broken = withLog(
      [
        {
          key: WARNING_12,
          action: 'explained',
          reason: 'Avtalt',
          figures: '',
          by: 'Ola',
          at: '2024-01-10T09:00:00+01:00',
        },
      ],
      (model) => ({
        sheets: model.sheets.map((s) =>
          s.name !== REVIEW_SHEET
            ? s
            : {
                ...s,
                cells: s.cells.map((c) =>
                  c.value === '2024-01-10T09:00:00+01:00' ? { ...c, value: 'i går' } : c,
                ),
              },
        ),
      }),
    );
    const { user } = renderPane(workbookStub(broken));
    await reconcile(user);
    expect(await screen.findByText('Avstemmingsloggen har feil')).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Avstemmingslogg!E4: En rad i forklaringer kan ikke leses: «at» er ikke et tidspunkt/,
      ),
    ).toBeInTheDocument();
  });
});

describe('signing off', () => {
  it('is not possible while the sample’s duplicate id is open, and says why', async () => {
    const { user, gateway } = renderPane(workbookStub());
    await reconcile(user);
    const section = sectionOf('Godkjenning');
    expect(within(section).getByText('Ikke godkjent')).toBeInTheDocument();
    const button = within(section).getByRole('button', { name: 'Godkjenn avstemmingen' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(
      'Avstemmingen kan ikke godkjennes: 1 feil er åpen. Rett eller forklar den først.',
    );
    await user.click(button);
    expect(gateway.appendReview).not.toHaveBeenCalled();
  });

  it('once the error is explained, signs off in the name given, and lists it', async () => {
    const { user, gateway } = renderPane(workbookStub());
    await reconcile(user);
    const section = sectionOf('Godkjenning');
    await user.type(within(section).getByRole('textbox', { name: /Ditt navn/ }), 'Kari Nordmann');
    const item = itemWith(/Prosjekt-id 1\.3 er brukt flere ganger/);
    await user.click(within(item).getByRole('button', { name: 'Forklar' }));
    // The name is known now: the form asks only for the reason.
    expect(within(item).queryByRole('textbox', { name: /Ditt navn/ })).not.toBeInTheDocument();
    await user.type(within(item).getByRole('textbox', { name: /Begrunnelse/ }), 'Rettes i planen for 2011');
    await user.click(within(item).getByRole('button', { name: 'Lagre forklaring' }));
    await screen.findByRole('heading', { name: 'Forklarte funn (1)' });

    const button = within(sectionOf('Godkjenning')).getByRole('button', { name: 'Godkjenn avstemmingen' });
    await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled', 'true'));
    await user.click(button);
    const signed = await within(sectionOf('Godkjenning')).findByText(
      'Godkjent av Kari Nordmann den 5. mars 2024 kl. 10.12',
    );
    expect(signed).toBeInTheDocument();
    expect(gateway.appendReview).toHaveBeenCalledTimes(2);
    const history = sectionOf('Tidligere godkjenninger');
    expect(within(history).getByRole('listitem')).toHaveTextContent(
      'Godkjent av Kari Nordmann den 5. mars 2024 kl. 10.12: 3 åpne funn, 1 forklart',
    );
    await waitFor(() =>
      expect(screen.getAllByRole('status')[3]).toHaveTextContent('Avstemmingen er godkjent.'),
    );
  });
});

describe('remembered on this machine', () => {
  it('the name, across a new pane', async () => {
    const first = renderPane(workbookStub());
    await reconcile(first.user);
    await first.user.type(
      within(sectionOf('Godkjenning')).getByRole('textbox', { name: /Ditt navn/ }),
      'Kari',
    );
    first.unmount();

    const second = renderPane(workbookStub());
    await reconcile(second.user);
    expect(within(sectionOf('Godkjenning')).getByRole('textbox', { name: /Ditt navn/ })).toHaveValue('Kari');
    const item = itemWith(/Prosjekt 3\.1 «Akkvisisjon»/);
    await second.user.click(within(item).getByRole('button', { name: 'Forklar' }));
    expect(within(item).queryByRole('textbox', { name: /Ditt navn/ })).not.toBeInTheDocument();
  });

  it('the live switch, across a new pane and controller', async () => {
    const gateway = workbookStub(sampleWorkbookModel(), { watchable: true });
    const controller = createPaneController({ gateway, lang: 'nb' });
    const user = userEvent.setup();
    const first = render(<TaskpaneRoot controller={controller} preload={false} />);
    await reconcile(user);
    const toggle = await screen.findByRole('switch', { name: 'Avstem automatisk ved endringer' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    expect(toggle).not.toBeChecked();
    await waitFor(() => expect(gateway.unwatches[0]).toHaveBeenCalled());
    expect(controller.getState().live.on).toBe(false);
    first.unmount();

    const again = workbookStub(sampleWorkbookModel(), { watchable: true });
    const next = createPaneController({ gateway: again, lang: 'nb' });
    expect(next.getState().live.on).toBe(false);
    render(<TaskpaneRoot controller={next} preload={false} />);
    await reconcile(user);
    expect(screen.getByRole('switch', { name: 'Avstem automatisk ved endringer' })).not.toBeChecked();
    expect(again.watchSheets).not.toHaveBeenCalled();
  });
});

describe('live re-check', () => {
  it('where Excel cannot watch: says so, and offers Avstem på nytt', async () => {
    const { user, gateway } = renderPane(workbookStub());
    await reconcile(user);
    expect(
      await screen.findByText('Denne Excel-versjonen kan ikke avstemme automatisk ved endringer.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Avstem på nytt' }));
    await waitFor(() => expect(gateway.read).toHaveBeenCalledTimes(2));
  });

  it('after an edit: the changes are announced in a status region, and the focus stays where it was', async () => {
    const gateway = workbookStub(sampleWorkbookModel(), { watchable: true });
    const { user } = renderPane(gateway, { liveDelayMs: 20 });
    await reconcile(user);
    await waitFor(() => expect(gateway.watching()).toHaveLength(1));
    // The finance officer is at 1.2's cell button.
    const cell = within(itemWith(/Prosjekt 1\.2 «Helsedesign , Arena»/)).getByRole('button', {
      name: 'Vis Budsjett!B5 i arbeidsboken',
    });
    cell.focus();

    gateway.edit(
      editBudget(sampleWorkbookModel(), { Akkvisisjon: 200000, Diverse: 200000, Reiselivet: '100.000' }),
    );
    act(() => gateway.change('Budsjett'));

    await waitFor(() =>
      expect(screen.getAllByRole('status')[4]).toHaveTextContent(
        'Siden forrige avstemming: 1 funn løst, 1 nytt.',
      ),
    );
    expect(screen.getAllByRole('status')[4]).toHaveAttribute('aria-live', 'polite');
    expect(gateway.read).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(/Prosjekt 3\.1 «Akkvisisjon»/)).not.toBeInTheDocument();
    expect(screen.getByText(/Reiselivet/)).toBeInTheDocument();
    // The same button, never re-created: the result was not swapped for a spinner meanwhile.
    expect(cell).toBeInTheDocument();
    expect(cell).toHaveFocus();
  });
});
