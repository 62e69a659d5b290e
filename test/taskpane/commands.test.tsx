/**
 * The ribbon's Avstem: registered on the pane's own controller, it reconciles, then shows the
 * pane, and always completes the event. Office is a mock global here; the preview's stand-in
 * ribbon button goes through the same reconcileFromRibbon().
 */
import { webDarkTheme } from '@fluentui/react-components';
import { act, screen } from '@testing-library/react';
import { ExcelFailure } from '../../src/excel/gateway';
import {
  RECONCILE_ACTION,
  reconcileFromRibbon,
  registerRibbonCommands,
  ribbonReconcileAction,
} from '../../src/commands/commands';
import { createReconcileController } from '../../src/app/controller';
import { mountTaskpane, unmountTaskpane } from '../../src/taskpane/mount';
import { startInOffice } from '../../src/taskpane/start';
import { stubGateway } from './helpers';

type Action = (event: Office.AddinCommands.Event) => Promise<void>;

interface OfficeMock {
  associate: jest.Mock<void, [string, Action]>;
  showAsTaskpane: jest.Mock<Promise<void>, []>;
  isSetSupported: jest.Mock<boolean, [string, string?]>;
}

function mockOffice(
  options: {
    displayLanguage?: string;
    background?: string;
    sharedRuntime?: boolean;
    platform?: string;
    diagnosticsPlatform?: string;
  } = {},
) {
  const mock: OfficeMock = {
    associate: jest.fn(),
    showAsTaskpane: jest.fn(async () => undefined),
    isSetSupported: jest.fn<boolean, [string, string?]>(() => options.sharedRuntime ?? true),
  };
  const office = {
    context: {
      displayLanguage: options.displayLanguage ?? 'nb-NO',
      officeTheme: { bodyBackgroundColor: options.background ?? '#FFFFFF' },
      requirements: { isSetSupported: mock.isSetSupported },
      platform: options.platform,
      diagnostics: options.diagnosticsPlatform ? { platform: options.diagnosticsPlatform } : undefined,
    },
    addin: options.sharedRuntime === false ? undefined : { showAsTaskpane: mock.showAsTaskpane },
    actions: { associate: mock.associate },
  };
  Object.defineProperty(globalThis, 'Office', { configurable: true, writable: true, value: office });
  return mock;
}

function ribbonEvent() {
  return {
    completed: jest.fn(),
    source: { id: 'PlanReconciler.Reconcile' },
  } as unknown as Office.AddinCommands.Event & {
    completed: jest.Mock;
  };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe('ribbon command', () => {
  it('registers the manifest’s `reconcile` action', () => {
    const office = mockOffice();
    registerRibbonCommands(createReconcileController({ gateway: stubGateway(), lang: 'nb' }));
    expect(office.associate).toHaveBeenCalledWith(RECONCILE_ACTION, expect.any(Function));
    expect(RECONCILE_ACTION).toBe('reconcile');
  });

  it('reconciles, then shows the task pane, then completes the event', async () => {
    const office = mockOffice();
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    registerRibbonCommands(controller);
    const action = office.associate.mock.calls[0][1];
    const event = ribbonEvent();

    await action(event);

    expect(gateway.read).toHaveBeenCalledTimes(1);
    expect(controller.getState().run.status).toBe('done');
    expect(office.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    const order = (m: jest.Mock) => m.mock.invocationCallOrder[0];
    expect(order(gateway.read)).toBeLessThan(order(office.showAsTaskpane));
    expect(order(office.showAsTaskpane)).toBeLessThan(order(event.completed));
  });

  it('when the read fails: still shows the pane (where the failure is explained) and completes', async () => {
    const office = mockOffice();
    const gateway = stubGateway();
    gateway.read.mockRejectedValueOnce(new ExcelFailure('cellEditMode', 'editing'));
    const controller = createReconcileController({ gateway, lang: 'nb' });
    const event = ribbonEvent();
    await ribbonReconcileAction(controller)(event);
    expect(controller.getState().run).toMatchObject({ status: 'error', failure: { kind: 'cellEditMode' } });
    expect(office.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('when the pane cannot be shown: keeps that failure for the pane, and completes', async () => {
    const office = mockOffice();
    office.showAsTaskpane.mockRejectedValueOnce(
      Object.assign(new Error('Not now'), { code: 'GeneralException' }),
    );
    const controller = createReconcileController({ gateway: stubGateway(), lang: 'nb' });
    const event = ribbonEvent();
    await ribbonReconcileAction(controller)(event);
    expect(controller.getState().run.status).toBe('done');
    expect(controller.getState().commandFailure).toEqual({
      kind: 'office',
      code: 'GeneralException',
      detail: 'Not now',
    });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('without the shared runtime: says so as an unsupported failure', async () => {
    mockOffice({ sharedRuntime: false });
    const controller = createReconcileController({ gateway: stubGateway(), lang: 'nb' });
    const event = ribbonEvent();
    await ribbonReconcileAction(controller)(event);
    expect(controller.getState().commandFailure).toMatchObject({ kind: 'unsupported' });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('a ribbon click during a pane run joins that run instead of starting another', async () => {
    mockOffice();
    const gateway = stubGateway();
    const controller = createReconcileController({ gateway, lang: 'nb' });
    const fromPane = controller.reconcile();
    const event = ribbonEvent();
    await Promise.all([fromPane, ribbonReconcileAction(controller)(event)]);
    expect(gateway.read).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

describe('one runtime: pane and ribbon on the same controller', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    act(() => unmountTaskpane(container));
    container.remove();
  });

  it('startInOffice: language and theme from Office, the ribbon drives the mounted pane', async () => {
    const office = mockOffice({ displayLanguage: 'en-US', background: '#1f1f1f' });
    const gateway = stubGateway();
    let controller!: ReturnType<typeof startInOffice>;
    act(() => {
      controller = startInOffice(gateway, container);
    });
    expect(controller.lang).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(await screen.findByRole('button', { name: 'Reconcile' })).toBeInTheDocument();
    const css = [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    expect(css).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);

    const [[name, action]] = office.associate.mock.calls;
    expect(name).toBe('reconcile');
    const event = ribbonEvent();
    await act(() => action(event));

    expect(await screen.findByRole('heading', { name: 'Year 2010' })).toBeInTheDocument();
    expect(office.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('startInOffice in Norwegian', async () => {
    mockOffice({ displayLanguage: 'nb-NO' });
    act(() => {
      startInOffice(stubGateway(), container);
    });
    expect(await screen.findByRole('button', { name: 'Avstem' })).toBeInTheDocument();
  });

  it('startInOffice: the platform from Office, for what the pane says about undo', async () => {
    const cases: [Parameters<typeof mockOffice>[0], string][] = [
      [{ platform: 'OfficeOnline' }, 'web'],
      [{ platform: 'PC' }, 'desktop'],
      [{ platform: 'Mac' }, 'desktop'],
      [{ diagnosticsPlatform: 'OfficeOnline' }, 'web'],
      [{}, 'desktop'],
    ];
    for (const [options, platform] of cases) {
      mockOffice(options);
      let controller!: ReturnType<typeof startInOffice>;
      act(() => {
        controller = startInOffice(stubGateway(), container);
      });
      expect(controller.getState().platform).toBe(platform);
      expect(await screen.findByRole('button', { name: 'Avstem' })).toBeInTheDocument();
      act(() => unmountTaskpane(container));
    }
  });

  it('startInOffice without a root element fails loudly', () => {
    mockOffice();
    expect(() => startInOffice(stubGateway(), null)).toThrow(/id "root"/);
  });

  it('the preview: mountTaskpane on a gateway, its ribbon button runs reconcileFromRibbon', async () => {
    const gateway = stubGateway();
    let controller!: ReturnType<typeof mountTaskpane>;
    act(() => {
      controller = mountTaskpane(container, { gateway, lang: 'nb', preload: false });
    });
    expect(await screen.findByRole('button', { name: 'Avstem' })).toBeInTheDocument();
    const showTaskpane = jest.fn(async () => undefined);
    await act(() => reconcileFromRibbon(controller, { showTaskpane }));
    expect(await screen.findByRole('heading', { name: 'År 2010' })).toBeInTheDocument();
    expect(showTaskpane).toHaveBeenCalledTimes(1);
    expect(gateway.read).toHaveBeenCalledTimes(1);
  });
});
