/**
 * Theme, texts and the "what was found" facts: the small pure parts of the pane.
 */
import { act, render, screen } from '@testing-library/react';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createReconcileController } from '../../src/app/controller';
import { useIdle } from '../../src/taskpane/hooks';
import { TaskpaneRoot } from '../../src/taskpane/mount';
import { STRINGS } from '../../src/taskpane/strings';
import { fluentTheme, themeKindFromBackground } from '../../src/taskpane/theme';
import { lookedForNames, sheetForRole } from '../../src/taskpane/workbookFacts';
import { stubGateway } from './helpers';

/** The CSS custom properties FluentProvider wrote for its theme. */
const themeCss = () =>
  [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');

describe('theme', () => {
  it('follows Office’s background: dark below mid luminance, light otherwise or when unknown', () => {
    expect(themeKindFromBackground('#1f1f1f')).toBe('dark');
    expect(themeKindFromBackground('#FFFFFF')).toBe('light');
    expect(themeKindFromBackground('e6e6e6')).toBe('light');
    expect(themeKindFromBackground(undefined)).toBe('light');
    expect(themeKindFromBackground('not a colour')).toBe('light');
  });

  it('uses the high-contrast theme whenever colours are forced', () => {
    expect(fluentTheme('light', false)).toBe(webLightTheme);
    expect(fluentTheme('dark', false)).toBe(webDarkTheme);
    expect(fluentTheme('dark', true)).toBe(teamsHighContrastTheme);
  });

  it('renders the dark theme, and switches to high contrast on forced-colors: active', async () => {
    const listeners: (() => void)[] = [];
    let forced = false;
    const original = window.matchMedia;
    window.matchMedia = (query: string) =>
      ({
        get matches() {
          return query.includes('forced-colors') && forced;
        },
        media: query,
        addEventListener: (_: string, l: () => void) => listeners.push(l),
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList;
    try {
      const controller = createReconcileController({ gateway: stubGateway(), lang: 'nb' });
      render(<TaskpaneRoot controller={controller} theme="dark" preload={false} />);
      await screen.findByText('Budsjett');
      const highContrast = `--colorNeutralBackground1: ${teamsHighContrastTheme.colorNeutralBackground1}`;
      expect(themeCss()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
      expect(themeCss()).not.toContain(highContrast);

      forced = true;
      act(() => listeners.forEach((l) => l()));
      expect(themeCss()).toContain(highContrast);
    } finally {
      window.matchMedia = original;
    }
  });
});

describe('idle preloading', () => {
  it('fetches the engine when the browser is idle, and not when disabled', async () => {
    const idle: (() => void)[] = [];
    Object.assign(window, {
      requestIdleCallback: (cb: () => void) => idle.push(cb),
      cancelIdleCallback: () => undefined,
    });
    try {
      const real = (await import('../../src/domain/reconcile/reconcile')).reconcile;
      const loadEngine = jest.fn(async () => real);
      const controller = createReconcileController({ gateway: stubGateway(), lang: 'nb', loadEngine });
      const { unmount } = render(<TaskpaneRoot controller={controller} />);
      await screen.findByText('Budsjett');
      expect(idle).toHaveLength(1);
      await act(async () => idle[0]());
      expect(loadEngine).toHaveBeenCalledTimes(1);
      unmount();
    } finally {
      delete (window as { requestIdleCallback?: unknown }).requestIdleCallback;
      delete (window as { cancelIdleCallback?: unknown }).cancelIdleCallback;
    }
  });

  it('useIdle falls back to a timer where requestIdleCallback is missing', () => {
    jest.useFakeTimers();
    try {
      const work = jest.fn();
      function Probe() {
        useIdle(work, true);
        return null;
      }
      const { unmount } = render(<Probe />);
      expect(work).not.toHaveBeenCalled();
      jest.runOnlyPendingTimers();
      expect(work).toHaveBeenCalledTimes(1);
      unmount();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('strings', () => {
  it('has a non-empty text for every key in both languages', () => {
    for (const lang of ['nb', 'en'] as const) {
      for (const [key, value] of Object.entries(STRINGS[lang])) {
        if (typeof value === 'string') expect(`${key}: ${value}`).not.toMatch(/: $/);
        if (typeof value === 'object') {
          for (const [kind, text] of Object.entries(value as Record<string, string>)) {
            expect(`${key}.${kind}: ${text}`).not.toMatch(/: $/);
          }
        }
      }
    }
  });

  it('counts findings with the right singular and plural', () => {
    expect(STRINGS.nb.findingCount({ error: 1, warning: 2, info: 1 })).toBe(
      '4 funn: 1 feil, 2 advarsler, 1 til informasjon',
    );
    expect(STRINGS.nb.findingCount({ error: 0, warning: 1, info: 0 })).toBe('1 funn: 1 advarsel');
    expect(STRINGS.en.findingCount({ error: 1, warning: 0, info: 0 })).toBe('1 finding: 1 error');
    expect(STRINGS.en.findingCount({ error: 0, warning: 0, info: 0 })).toBe('No findings');
  });
});

describe('workbook facts', () => {
  const sheets = (...names: string[]) => names.map((name) => ({ name, visibility: 'visible' as const }));

  it('finds the sheets by the engine’s names: exact first, then by prefix, never the register', () => {
    expect(sheetForRole(sheets('Ark1', 'Budsjett 2012', 'BUDSJETT'), 'budget')).toBe('BUDSJETT');
    expect(sheetForRole(sheets('Ark1', 'Budsjett 2012'), 'budget')).toBe('Budsjett 2012');
    expect(sheetForRole(sheets('Funding'), 'financing')).toBe('Funding');
    expect(sheetForRole(sheets('Prosjektregister', 'Ark1'), 'budget')).toBeNull();
  });

  it('names every year’s sheet of a plan kept one sheet per year, as the result will', () => {
    expect(sheetForRole(sheets('Budsjett 2015', 'Budsjett 2014', 'Finansiering 2014'), 'budget')).toBe(
      'Budsjett 2014, Budsjett 2015',
    );
  });

  it('names what it looks for, capitalised', () => {
    expect(lookedForNames('budget')).toEqual(['Budsjett', 'Budget']);
  });
});
