/**
 * The pane's language changed while it is open (the local preview's language switch): what is
 * shown is drawn again in the new language; the result, the register editor and the rest of the
 * state stay, and the workbook is not read again.
 */
import { act, screen, within } from '@testing-library/react';
import { describe as describeFinding } from '../../src/domain/messages';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { STRINGS } from '../../src/taskpane/strings';
import { readOf } from './helpers';
import { liveGateway, renderPane } from './registerFixtures';

/** The messages the pane lists, in its order. */
const messages = (findings: HTMLElement) =>
  within(findings)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('p')?.textContent ?? '');

describe('task pane: a new language while it is open', () => {
  it('keeps the result and the open register editor, drawn in the new language, without reading again', async () => {
    const gateway = liveGateway();
    const { controller } = renderPane(gateway, 'nb');
    // Each step awaited on what the pane waits for (the run, the editor's lazy chunk) inside act().
    await act(() => controller.reconcile());
    const nb = screen.getByRole('region', { name: STRINGS.nb.findingsHeading });
    const before = messages(nb);
    await act(async () => {
      screen.getByRole('button', { name: STRINGS.nb.reg.toggle }).click();
      await import('../../src/taskpane/register/RegisterPanel');
    });
    expect(screen.getByRole('heading', { level: 2, name: STRINGS.nb.reg.heading })).toBeInTheDocument();

    act(() => controller.setLang('en'));

    expect(controller.lang).toBe('en');
    const en = screen.getByRole('region', { name: STRINGS.en.findingsHeading });
    const result = reconcile(readOf(sampleWorkbookModel()).snapshot);
    const english = result.findings.map((f) => describeFinding(f, 'en'));
    const shown = messages(en);
    expect(shown).toHaveLength(before.length);
    expect(shown).not.toEqual(before);
    for (const message of shown) expect(english).toContain(message);
    expect(screen.getByRole('heading', { level: 2, name: STRINGS.en.reg.heading })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: STRINGS.nb.findingsHeading })).not.toBeInTheDocument();
    expect(gateway.read).toHaveBeenCalledTimes(1);
    expect(document.querySelector('main')?.getAttribute('lang')).toBe('en');
  });
});
