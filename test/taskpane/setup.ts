/**
 * Setup for the task pane's tests (jsdom): jest-dom's matchers, and the few browser APIs that
 * Fluent UI uses and jsdom lacks. Polyfills are minimal and inert: they make Fluent run, they do
 * not pretend to lay anything out.
 */
import '@testing-library/jest-dom';
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
