/**
 * Fixtures for the register editor's tests: the sample workbook with another register (or none),
 * and a gateway whose writeRegister behaves like the real one (refuses with `changed` unless
 * `basedOn` is the sheet's fingerprint; the next read sees what was written).
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorkbookModel } from '../../src/domain/model';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import { REGISTER_SHEET, type Register } from '../../src/domain/register/types';
import { ExcelFailure, type RegisterWriteOptions } from '../../src/excel/gateway';
import { sampleRegister, sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { createReconcileController } from '../../src/app/controller';
import { TaskpaneRoot } from '../../src/taskpane/mount';
import { STRINGS, type Lang } from '../../src/taskpane/strings';
import { readOf, stubGateway, type StubGateway } from './helpers';

/** The sample workbook without its register sheet: only Budsjett and Finansiering. */
export function withoutRegister(): WorkbookModel {
  return { sheets: sampleWorkbookModel().sheets.filter((s) => s.name !== REGISTER_SHEET) };
}

/** The sample workbook with `register` as its register. */
export function withRegister(register: Register): WorkbookModel {
  return { sheets: [...withoutRegister().sheets, registerSheetModel(register)] };
}

/** The sample register where 1.2 has lost its budget line and the aliases the sheets use. */
export function registerMissingAliases(): Register {
  const register = sampleRegister();
  return {
    ...register,
    entries: register.entries.map((e) =>
      e.id === '1.2' ? { ...e, budgetLine: '', aliases: ['Helse design , Arena'] } : e,
    ),
  };
}

export interface LiveGateway extends StubGateway {
  /** The workbook as it is now (after the writes). */
  model(): WorkbookModel;
  /** A co-author changes the register sheet behind the pane's back. */
  changeBehindTheBack(register: Register): void;
}

/** A stub gateway over `model` whose writeRegister writes the register sheet as Excel would. */
export function liveGateway(initial: WorkbookModel = sampleWorkbookModel()): LiveGateway {
  let model = initial;
  let current = readOf(model);
  const gateway = stubGateway(model);
  const replaceRegister = (register: Register) => {
    model = {
      sheets: [...model.sheets.filter((s) => s.name !== REGISTER_SHEET), registerSheetModel(register)],
    };
    current = readOf(model);
  };
  gateway.read.mockImplementation(async () => current);
  gateway.listSheets.mockImplementation(async () => current.sheets);
  gateway.writeRegister.mockImplementation(async (register: Register, options: RegisterWriteOptions) => {
    if (options.basedOn !== current.registerFingerprint) {
      throw new ExcelFailure('changed', 'The register changed since it was read');
    }
    replaceRegister(register);
    return { fingerprint: current.registerFingerprint ?? '', syncs: 2 };
  });
  return Object.assign(gateway, {
    model: () => model,
    changeBehindTheBack: replaceRegister,
  });
}

/**
 * A little of a browser's layout for jsdom, as Tabster (the focus management under Fluent's
 * Dialog, which the register editor keeps mounted) needs it. Tabster takes an element without an
 * offsetParent for one with display:none, and a body without a size for a hidden iframe; jsdom
 * lays nothing out, so Tabster would find nothing focusable and, on Tab, move the focus onto its
 * dummy element at the end of the page and from there to <body>. In a browser neither happens.
 */
export function emulateLayout(): void {
  Object.defineProperty(document.body, 'getBoundingClientRect', {
    configurable: true,
    value: () => DOMRect.fromRect({ x: 0, y: 0, width: 400, height: 800 }),
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement): Element | null {
      if (!this.isConnected || this === document.body || getComputedStyle(this).display === 'none') {
        return null;
      }
      for (let el = this.parentElement; el !== null; el = el.parentElement) {
        if (getComputedStyle(el).display === 'none') return null;
      }
      return this.parentElement === document.documentElement ? null : document.body;
    },
  });
}

export function renderPane(gateway: StubGateway, lang: Lang = 'nb') {
  emulateLayout();
  const controller = createReconcileController({ gateway, lang });
  const user = userEvent.setup();
  const view = render(<TaskpaneRoot controller={controller} preload={false} />);
  return { controller, gateway, user, t: STRINGS[lang], ...view };
}

/** Renders the pane, reconciles, and opens the register editor. */
export async function openEditor(gateway: StubGateway, lang: Lang = 'nb') {
  const pane = renderPane(gateway, lang);
  const { t, user } = pane;
  await user.click(screen.getByRole('button', { name: t.reconcile }));
  await screen.findByRole('heading', { name: t.findingsHeading });
  await user.click(screen.getByRole('button', { name: t.reg.toggle }));
  const heading = await screen.findByRole('heading', { level: 2, name: t.reg.heading });
  return { ...pane, panel: heading.closest('section') as HTMLElement };
}
