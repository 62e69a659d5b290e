/**
 * Following a finding into the project register. The register sheet is very hidden and edited in
 * the pane, so a finding's cell on it opens the register editor at that row (both rows of a
 * duplicate id), never asks Excel to select it; cells on the other sheets still select. What the
 * pane says about the register never sends the user to unhide its sheet. And the cell links show
 * where the keyboard focus is, in high contrast too.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe as describeFinding } from '../../src/domain/messages';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { sampleRegister } from '../../src/sample/sampleWorkbook';
import { STRINGS } from '../../src/taskpane/strings';
import { CELL_LINK_CLASS } from '../../src/taskpane/styles';
import { stubGateway } from './helpers';
import { registerMissingAliases, renderPane, withRegister } from './registerFixtures';

/** Renders the pane on `gateway` and reconciles; the findings' section. */
async function reconciled(gateway = stubGateway(), lang: 'nb' | 'en' = 'nb') {
  const pane = renderPane(gateway, lang);
  await pane.user.click(screen.getByRole('button', { name: pane.t.reconcile }));
  const heading = await screen.findByRole('heading', { level: 2, name: pane.t.findingsHeading });
  return { ...pane, findings: heading.closest('section') as HTMLElement };
}

/** The register editor's row (its list item) that the Edit button named `name` is in. */
const editButton = (name: string) => screen.findByRole('button', { name: `Rediger «${name}»` });

describe('a finding’s cell on the register sheet opens the register editor there', () => {
  it('DUPLICATE_ID: each of the two cells opens the editor at its entry, focused and marked', async () => {
    const { user, gateway, findings } = await reconciled();
    const first = within(findings).getByRole('button', {
      name: 'Åpne «1.3 Logistikknæringen» i prosjektregisteret (Prosjektregister!A7)',
    });
    const second = within(findings).getByRole('button', {
      name: 'Åpne «1.3 Et løft for reiselivet» i prosjektregisteret (Prosjektregister!A9)',
    });
    // The cells are still shown as the CLI and --json name them.
    expect(first).toHaveTextContent('Prosjektregister!A7');
    expect(screen.getByRole('button', { name: 'Rediger prosjektregisteret' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );

    await user.click(first);
    const logistics = await editButton('1.3 Logistikknæringen');
    await waitFor(() => expect(logistics).toHaveFocus());
    expect(logistics.closest('li')).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('button', { name: 'Rediger prosjektregisteret' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    // The second entry, by keyboard: back to the finding, Enter.
    second.focus();
    await user.keyboard('{Enter}');
    const tourism = await editButton('1.3 Et løft for reiselivet');
    await waitFor(() => expect(tourism).toHaveFocus());
    expect(tourism.closest('li')).toHaveAttribute('aria-current', 'true');
    expect(logistics.closest('li')).not.toHaveAttribute('aria-current');
    // Excel was never asked to select a cell of the hidden sheet.
    expect(gateway.select).not.toHaveBeenCalled();
  });

  it('shows the entry even when the register’s search hides it', async () => {
    const { user, findings } = await reconciled();
    await user.click(screen.getByRole('button', { name: 'Rediger prosjektregisteret' }));
    await user.type(await screen.findByRole('searchbox', { name: 'Søk i registeret' }), 'Akkvisisjon');
    expect(screen.queryByRole('button', { name: 'Rediger «1.3 Logistikknæringen»' })).not.toBeInTheDocument();

    await user.click(within(findings).getByRole('button', { name: /Prosjektregister!A7\)$/ }));
    await waitFor(async () => expect(await editButton('1.3 Logistikknæringen')).toHaveFocus());
    expect(screen.getByRole('searchbox', { name: 'Søk i registeret' })).toHaveValue('');
  });

  it('NO_BUDGET_LINE: the promise’s cell opens the editor at the project', async () => {
    const { user, findings } = await reconciled(stubGateway(withRegister(registerMissingAliases())));
    const item = within(findings).getByText('NO_BUDGET_LINE').closest('li')!;
    const cell = within(item).getByRole('button', {
      name: /^Åpne «1\.2 Helsedesign , Arena» i prosjektregisteret/,
    });
    await user.click(cell);
    await waitFor(async () => expect(await editButton('1.2 Helsedesign , Arena')).toHaveFocus());
  });

  it('a row the register could not read: the register opens, its heading focused, saying what to do', async () => {
    const register = sampleRegister();
    const broken = {
      ...register,
      entries: [...register.entries, { ...register.entries[0], id: '9.9', name: '' }],
    };
    const { user, findings } = await reconciled(stubGateway(withRegister(broken)));
    const item = within(findings).getAllByText('REGISTER_INVALID')[0].closest('li')!;
    await user.click(
      within(item).getByRole('button', { name: /^Åpne prosjektregisteret \(Prosjektregister!/ }),
    );
    const heading = await screen.findByRole('heading', { level: 2, name: 'Prosjektregister' });
    await waitFor(() => expect(heading).toHaveFocus());
    const panel = heading.closest('section')!;
    expect(within(panel).getByText(/Én rad i registeret kunne ikke leses/)).toHaveTextContent(
      /Legg den inn på nytt her med Legg til prosjekt/,
    );
  });

  it('in English', async () => {
    const { user, findings } = await reconciled(stubGateway(), 'en');
    await user.click(
      within(findings).getByRole('button', {
        name: 'Open «1.3 Logistikknæringen» in the project register (Prosjektregister!A7)',
      }),
    );
    await waitFor(async () =>
      expect(await screen.findByRole('button', { name: 'Edit «1.3 Logistikknæringen»' })).toHaveFocus(),
    );
  });

  it('a cell on a visible sheet still selects it in Excel', async () => {
    const { user, gateway, findings } = await reconciled();
    await user.click(within(findings).getByRole('button', { name: 'Vis Budsjett!B9 i arbeidsboken' }));
    expect(gateway.select).toHaveBeenCalledWith('Budsjett!B9');
    expect(screen.getByRole('button', { name: 'Rediger prosjektregisteret' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });
});

describe('what the pane says about the register', () => {
  const UNHIDE = /høyreklikk|→ Vis\b|right-click|Unhide|Vis registerarket|Show the register sheet/;

  it('never sends the user to unhide the register sheet to correct it', () => {
    for (const lang of ['nb', 'en'] as const) {
      const t = STRINGS[lang];
      for (const n of [1, 3]) {
        expect(t.reg.unreadableRows(n)).not.toMatch(UNHIDE);
        expect(t.reg.unreadableRows(n)).toMatch(lang === 'nb' ? /Legg til prosjekt/ : /Add a project/);
      }
      // A hidden sheet of the user's may be unhidden; the register's cells never get there.
      expect(t.failureBody.hiddenSheet).not.toMatch(/Vis registerarket|Show the register sheet/);
    }
  });

  it('nor do the register findings’ messages, in either language', async () => {
    const register = sampleRegister();
    const broken = {
      ...register,
      entries: [...register.entries, { ...register.entries[0], id: '9.9', name: '' }],
    };
    const gateway = stubGateway(withRegister(broken));
    const read = await gateway.read();
    const codes = new Set<string>();
    for (const f of reconcile(read.snapshot).findings) {
      codes.add(f.code);
      for (const lang of ['nb', 'en'] as const) expect(describeFinding(f, lang)).not.toMatch(UNHIDE);
    }
    expect([...codes]).toEqual(expect.arrayContaining(['DUPLICATE_ID', 'REGISTER_INVALID']));
  });
});

describe('the focus mark on cell links', () => {
  /** Every CSS rule of the page, media rules with their inner rules, as text. */
  const rules = (): CSSRule[] =>
    [...document.styleSheets].flatMap((sheet) =>
      [...sheet.cssRules].flatMap((rule) =>
        rule instanceof CSSMediaRule ? [rule, ...rule.cssRules] : [rule],
      ),
    );

  it('is a solid ring in the focus colour, and the system Highlight under forced colours', async () => {
    const { findings } = await reconciled();
    const links = within(findings).getAllByRole('button', { name: /Prosjektregister!A7|Budsjett!B9/ });
    for (const link of links) expect(link).toHaveClass(CELL_LINK_CLASS);

    const focus = rules().filter(
      (r): r is CSSStyleRule =>
        r instanceof CSSStyleRule &&
        r.selectorText.includes(`.${CELL_LINK_CLASS}.${CELL_LINK_CLASS}:focus-visible`) &&
        r.selectorText.includes('[data-fui-focus-visible]'),
    );
    // One rule for every theme, one inside the forced-colors media query.
    expect(focus).toHaveLength(2);
    const [ring, forced] = focus;
    expect(ring.style.getPropertyValue('outline')).toMatch(/solid var\(--colorStrokeFocus2\)/);
    expect(ring.style.getPropertyValue('outline')).toMatch(/var\(--strokeWidthThick\)/);
    expect(forced.parentRule).toBeInstanceOf(CSSMediaRule);
    expect((forced.parentRule as CSSMediaRule).conditionText).toBe('(forced-colors: active)');
    expect(forced.style.getPropertyValue('outline-color')).toBe('Highlight');
  });
});
