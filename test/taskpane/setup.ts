/**
 * Setup for the task pane's tests (jsdom): jest-dom's matchers, and the few browser APIs that
 * Fluent UI uses and jsdom lacks. Polyfills are minimal and inert: they make Fluent run, they do
 * not pretend to lay anything out.
 */
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';

if (typeof globalThis.TextDecoder !== 'function') {
  // The Encoding API, which every browser the pane runs in has (reading import files); jsdom lacks it.
  Object.assign(globalThis, { TextDecoder: NodeTextDecoder, TextEncoder: NodeTextEncoder });
}

if (typeof window.matchMedia !== 'function') {
  // Fluent (and the pane's forced-colors check) ask media queries; jsdom answers none.
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (typeof window.ResizeObserver !== 'function') {
  // MessageBar's automatic layout observes its size.
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', {
    configurable: true,
    writable: true,
    value: ResizeObserverStub,
  });
}

/**
 * The pane's lazily loaded views (result, register editor, plan import) are modules that ts-jest
 * transpiles and evaluates the first time a test file needs them. In the browser they are chunks
 * fetched ahead on idle; here, in a fresh Jest worker on a busy machine, that first load could
 * outlast a findBy's wait while the spinner was still shown (CI failed once on exactly that, in a
 * test about something else). Loading them before each file's tests puts that cost outside every
 * test; what the tests then wait for is rendering only.
 */
beforeAll(async () => {
  await Promise.all([
    import('../../src/taskpane/result/ResultView'),
    import('../../src/taskpane/register/RegisterPanel'),
    import('../../src/taskpane/plan/PlanPanel'),
  ]);
});

/**
 * findBy… and waitFor return as soon as what they wait for is there; the limit only bounds how long a
 * failing wait takes to report. Testing Library's default (1 s) is shorter than a first render with
 * Fluent's style computation takes on a CI machine running three Jest projects at once.
 */
configure({ asyncUtilTimeout: 5000 });
