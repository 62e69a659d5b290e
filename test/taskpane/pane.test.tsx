/**
 * The task pane as a finance officer uses it: each state rendered, the worked example of
 * DOMAIN.md after one click on Avstem, a finding's cell selected by mouse and by keyboard.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorkbookModel } from '../../src/domain/model';
import { ExcelFailure, type ExcelFailureKind, type WorkbookRead } from '../../src/excel/gateway';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { createReconcileController } from '../../src/app/controller';
import { TaskpaneRoot } from '../../src/taskpane/mount';
import { STRINGS, type Lang } from '../../src/taskpane/strings';
import { deferred, plain, readOf, stubGateway, type StubGateway } from './helpers';

function renderPane(gateway: StubGateway = stubGateway(), lang: Lang = 'nb') {
  const controller = createReconcileController({ gateway, lang });
  const user = userEvent.setup();
  const view = render(<TaskpaneRoot controller={controller} preload={false} />);
  return { controller, gateway, user, ...view };
}

/** The sample workbook without some of its sheets. */
function without(...sheets: string[]): WorkbookModel {
  const model = sampleWorkbookModel();
  return { sheets: model.sheets.filter((s) => !sheets.includes(s.name)) };
}

/** The definition-list value next to a term of "what was found in the workbook". */
function factFor(term: string): string {
  const dt = screen.getByText(term, { selector: 'dt' });
  return plain(dt.nextElementSibling?.textContent);
}

describe('task pane: before a run', () => {
  it('shows the header, the Avstem button and what was found in the workbook', async () => {
    const { gateway } = renderPane();
    expect(screen.getByRole('heading', { level: 1, name: 'Plan Reconciler' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Avstem' })).toBeEnabled();
    await waitFor(() => expect(factFor('Budsjettark')).toBe('Budsjett'));
    expect(gateway.listSheets).toHaveBeenCalledTimes(1);
    expect(factFor('Finansieringsark')).toBe('Finansiering');
    expect(factFor('Prosjektregister')).toBe('Prosjektregister (skjult)');
    expect(factFor('År')).toBe('vises etter avstemming');
  });

  it('says the workbook is being read until the sheet list arrives', () => {
    const gateway = stubGateway();
    gateway.listSheets.mockReturnValue(new Promise(() => undefined));
    renderPane(gateway);
    expect(screen.getByText('Leser arkene i arbeidsboken …')).toBeInTheDocument();
  });

  it('shows a failure to list the sheets, with a retry', async () => {
    const gateway = stubGateway();
    gateway.listSheets.mockRejectedValueOnce(new ExcelFailure('cellEditMode', 'edit'));
    const { user } = renderPane(gateway, 'en');
    expect(await screen.findByText('Could not read the list of sheets')).toBeInTheDocument();
    expect(screen.getByText(/Finish editing the cell/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(factFor('Budget sheet')).toBe('Budsjett'));
  });

  it('empty state: says which sheet is missing and which names are looked for', async () => {
    renderPane(stubGateway(without('Finansiering')));
    expect(await screen.findByText('Fant ikke arkene som skal avstemmes')).toBeInTheDocument();
    expect(factFor('Finansieringsark')).toBe('ikke funnet');
    expect(
      screen.getByText('Arbeidsboken mangler et finansieringsark.', { exact: false }),
    ).toBeInTheDocument();
    const lookedFor = screen.getByText(/Finansieringsarket må hete/);
    for (const name of ['«Finansiering»', '«Finansieringsplan»', '«Financing»', '«Funding»']) {
      expect(lookedFor).toHaveTextContent(name);
    }
    expect(screen.queryByText(/Budsjettarket må hete/)).not.toBeInTheDocument();
  });

  it('empty state in English names both sheets when both are missing', async () => {
    renderPane(stubGateway(without('Budsjett', 'Finansiering')), 'en');
    expect(await screen.findByText('The sheets to reconcile were not found')).toBeInTheDocument();
    expect(screen.getByText(/The budget sheet must be named «Budsjett» or «Budget»/)).toBeInTheDocument();
    expect(screen.getByText(/The financing sheet must be named/)).toBeInTheDocument();
  });
});

describe('task pane: a run', () => {
  it('while loading: spinner, button inert but focusable, outcome region busy, announced', async () => {
    const gateway = stubGateway();
    const pending = deferred<WorkbookRead>();
    gateway.read.mockReturnValueOnce(pending.promise);
    const { user } = renderPane(gateway);
    const button = screen.getByRole('button', { name: 'Avstem' });
    await user.click(button);

    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    expect(screen.getAllByText('Avstemmer …').length).toBeGreaterThan(0);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).not.toHaveAttribute('disabled');
    expect(document.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Avstemmer …');

    // A second click while busy starts nothing.
    await user.click(button);
    expect(gateway.read).toHaveBeenCalledTimes(1);

    pending.resolve(readOf());
    expect(await screen.findByRole('heading', { name: 'År 2010' })).toBeInTheDocument();
    expect(button).not.toHaveAttribute('aria-disabled', 'true');
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
  });

  it('shows the worked example: 2010 balanced, the totals, every finding grouped by severity', async () => {
    const { user } = renderPane();
    await user.click(screen.getByRole('button', { name: 'Avstem' }));

    const year = (await screen.findByRole('heading', { name: 'År 2010' })).closest('section')!;
    expect(within(year).getByText('✓ I balanse')).toBeInTheDocument();
    const table = within(year).getByRole('table');
    const amountOf = (label: string) =>
      plain(within(table).getAllByRole('rowheader', { name: label })[0].nextElementSibling?.textContent);
    expect(amountOf('Budsjett')).toBe('3 430 000');
    expect(amountOf('Finansiering')).toBe('3 430 000');
    expect(amountOf('Differanse')).toBe('0');
    expect(amountOf('Egenfinansiert')).toBe('1 850 000');
    expect(amountOf('Egne kilder')).toBe('1 850 000');

    // What was found, now from the result.
    expect(factFor('Prosjektregister')).toBe('Prosjektregister (skjult) (11 prosjekter, 5 kilder)');
    expect(factFor('År')).toBe('2010');

    const errors = screen.getByRole('heading', { name: '✗ Feil (1)' }).closest('section')!;
    expect(within(errors).getByText(/Prosjekt-id 1\.3 er brukt flere ganger/)).toBeInTheDocument();
    expect(within(errors).getByText('DUPLICATE_ID')).toBeInTheDocument();

    const warnings = screen.getByRole('heading', { name: '! Advarsler (2)' }).closest('section')!;
    const items = within(warnings).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText('CONTRIBUTION_MISMATCH')).toBeInTheDocument();
    expect(within(items[1]).getByText('CONTRIBUTION_MISMATCH')).toBeInTheDocument();
    expect(plain(items[0].textContent)).toContain('Prosjekt 1.2 «Helsedesign , Arena»');
    expect(plain(items[1].textContent)).toContain(
      'Prosjekt 3.1 «Akkvisisjon»: egenfinansiert 300 000 kr i 2010, men lovet 200 000 kr per år (avvik 100 000 kr).',
    );
    expect(
      within(items[1]).getByRole('button', { name: 'Vis Budsjett!B9 i arbeidsboken' }),
    ).toBeInTheDocument();

    const info = screen.getByRole('heading', { name: 'i Til informasjon (1)' }).closest('section')!;
    expect(plain(info.textContent)).toContain('Eget bidrag 2010: 1 850 000 kr mot 1 810 000 kr i 2009');

    const nonMoney = screen.getByRole('heading', { name: 'Prosjekter uten pengebidrag (bidrar med arbeid)' });
    const list = within(nonMoney.closest('section')!)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(list).toEqual([
      '1.3 Logistikknæringen',
      '1.4 Næringsmiddelbedrifter',
      '3.2 Markedsføring av Lillestrømregionen',
      '4.1 Samhandling kommune og næringsliv',
    ]);

    expect(screen.getAllByRole('status')[0]).toHaveTextContent(
      'Avstemt: i balanse. 4 funn: 1 feil, 2 advarsler, 1 til informasjon.',
    );
  });

  it('shows the result in English', async () => {
    const { user } = renderPane(stubGateway(), 'en');
    await user.click(screen.getByRole('button', { name: 'Reconcile' }));
    expect(await screen.findByRole('heading', { name: 'Year 2010' })).toBeInTheDocument();
    expect(screen.getByText('✓ Balanced')).toBeInTheDocument();
    expect(screen.getByText(/Project 3\.1 «Akkvisisjon»: own-funded 300,000 kr in 2010/)).toBeInTheDocument();
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(
      'Reconciled: balanced. 4 findings: 1 error, 2 warnings, 1 for information.',
    );
  });

  it('clicking the 3.1 finding’s cell selects Budsjett!B9 and says so', async () => {
    const { user, gateway } = renderPane();
    await user.click(screen.getByRole('button', { name: 'Avstem' }));
    const cell = await screen.findByRole('button', { name: 'Vis Budsjett!B9 i arbeidsboken' });
    await user.click(cell);
    expect(gateway.select).toHaveBeenCalledWith('Budsjett!B9');
    await waitFor(() =>
      expect(screen.getAllByRole('status')[1]).toHaveTextContent('Budsjett!B9 er markert i arbeidsboken.'),
    );
    expect(cell).toHaveFocus();
  });

  it('keyboard only: Tab reaches the finding’s cell and Enter selects it', async () => {
    const { user, gateway } = renderPane();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Avstem' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: 'År 2010' });

    const target = screen.getByRole('button', { name: 'Vis Budsjett!B9 i arbeidsboken' });
    for (let i = 0; i < 20 && document.activeElement !== target; i++) await user.tab();
    expect(target).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(gateway.select).toHaveBeenCalledWith('Budsjett!B9');
  });

  it('shows a selection failure under the finding that was clicked, focus kept', async () => {
    const gateway = stubGateway();
    gateway.select.mockRejectedValueOnce(
      new ExcelFailure('notFound', 'The requested resource does not exist.'),
    );
    const { user } = renderPane(gateway, 'en');
    await user.click(screen.getByRole('button', { name: 'Reconcile' }));
    const cell = await screen.findByRole('button', { name: 'Show Budsjett!B9 in the workbook' });
    await user.click(cell);
    const item = cell.closest('li')!;
    expect(await within(item).findByText('Could not show Budsjett!B9')).toBeInTheDocument();
    expect(
      within(item).getByText(/The sheet or cell was not found\. The sheet or cell is not in the workbook/),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('status')[1]).toHaveTextContent(
      'Could not show Budsjett!B9: The sheet or cell was not found.',
    );
    expect(cell).toHaveFocus();
  });

  it('after a run without a financing sheet: the empty state and the SHEET_MISSING finding', async () => {
    const { user } = renderPane(stubGateway(without('Finansiering')));
    await user.click(screen.getByRole('button', { name: 'Avstem' }));
    expect(await screen.findByText('SHEET_MISSING')).toBeInTheDocument();
    expect(screen.getByText('Fant ikke arkene som skal avstemmes')).toBeInTheDocument();
    expect(factFor('Finansieringsark')).toBe('ikke funnet');
  });
});

describe('task pane: Excel failures', () => {
  const KINDS: readonly ExcelFailureKind[] = [
    'cellEditMode',
    'payloadTooLarge',
    'unsupported',
    'notFound',
    'accessDenied',
    'busy',
    'office',
    'unexpected',
  ];

  it.each(KINDS.flatMap((kind) => (['nb', 'en'] as const).map((lang) => [kind, lang] as const)))(
    '%s in %s: its title, what to do, the code, and a retry',
    async (kind, lang) => {
      const gateway = stubGateway();
      gateway.read.mockRejectedValueOnce(new ExcelFailure(kind, 'failed', 'SomeCode', 'debug'));
      const { user } = renderPane(gateway, lang);
      const t = STRINGS[lang];
      await user.click(screen.getByRole('button', { name: t.reconcile }));
      expect(await screen.findByText(t.failureTitle[kind])).toBeInTheDocument();
      expect(screen.getByText(t.failureBody[kind])).toBeInTheDocument();
      expect(screen.getByText(t.details('SomeCode', 'debug'))).toBeInTheDocument();
      expect(screen.getAllByRole('status')[0]).toHaveTextContent(t.announceFailed(t.failureTitle[kind]));

      await user.click(screen.getByRole('button', { name: t.retry }));
      expect(await screen.findByRole('heading', { name: t.yearHeading(2010) })).toBeInTheDocument();
      expect(screen.queryByText(t.failureTitle[kind])).not.toBeInTheDocument();
    },
  );

  it('cellEditMode says to finish editing the cell, in both languages', () => {
    expect(STRINGS.nb.failureBody.cellEditMode).toMatch(/Fullfør redigeringen av cellen.*prøv igjen/);
    expect(STRINGS.en.failureBody.cellEditMode).toMatch(/Finish editing the cell.*try again/);
  });
});

describe('task pane: controller shared with others', () => {
  it('shows a run started outside the pane (the ribbon)', async () => {
    const { controller } = renderPane();
    // The ribbon calls the controller outside React: act() only because the test renders synchronously.
    await act(() => controller.reconcile());
    expect(await screen.findByRole('heading', { name: 'År 2010' })).toBeInTheDocument();
  });

  it('shows a ribbon failure to open the pane, which can be dismissed', async () => {
    const { controller, user } = renderPane(stubGateway(), 'en');
    act(() => controller.reportCommandFailure(new ExcelFailure('unsupported', 'no shared runtime')));
    expect(await screen.findByText('The Reconcile button could not open the task pane')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('The Reconcile button could not open the task pane')).not.toBeInTheDocument();
  });
});
