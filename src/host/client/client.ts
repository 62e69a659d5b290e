/**
 * Microsoft's Office.js client (`@microsoft/office-js`, its Excel runtime
 * `excel-web-16.00.js`), loaded without an Office host: in Node by node.ts,
 * in the preview page by a script tag (browser.ts). A request context made
 * with a URL (`new Excel.RequestContext(url)`) hands every `sync()` to the
 * send function set with `OfficeExtension.HttpUtility.setCustomSendRequestFunc`,
 * as the RichApi request Excel itself receives; this module routes each to
 * the host that serves its URL. The add-in's code on top is the same as in
 * Excel: it gets a request context and calls `sync()`.
 *
 * Events go the other way: Excel sends the client a RichApi message of its own (Office's message
 * channel, which has no place outside Office), which `deliver` hands to the library through its
 * test hooks: `OfficeExtension._testSetRichApiMessageReadyImpl` stands for the channel being
 * open (the client waits for it before the first event registration), and
 * `_testTriggerRichApiMessageEvent` to the same `_handleRichApiMessage` Office's channel calls.
 * The message's shape is richApi/events.ts's.
 */
import type { ExcelContext } from '../../excel/excelApi';
import type { RichApiMessage } from '../richApi/events';
import type { HttpRequestInfo, HttpResponseInfo } from '../richApi/protocol';
import { supportsApi, type HostProfile } from './profiles';

/** What the host uses of the loaded library: the two namespaces it defines, and its event test hooks. */
export interface OfficeJsLibrary {
  readonly Excel: {
    readonly RequestContext: new (url: string) => unknown;
    /** `Excel.run(context, batch)`: Microsoft's batch semantics on a given context. */
    run<T>(context: unknown, batch: (context: never) => Promise<T>): Promise<T>;
  };
  readonly OfficeExtension: {
    readonly HttpUtility: {
      setCustomSendRequestFunc(fn: (request: HttpRequestInfo) => Promise<HttpResponseInfo>): void;
    };
    /** How the client learns that the channel events arrive on is open (instead of Office's). */
    _testSetRichApiMessageReadyImpl(impl: () => Promise<void>): void;
    /** Hands a RichApi message to the client's event registration, as Office's channel does. */
    _testTriggerRichApiMessageEvent(message: RichApiMessage): void;
  };
}

export type RequestHandler = (request: HttpRequestInfo) => Promise<HttpResponseInfo>;

export class ExcelClient {
  private readonly routes = new Map<string, RequestHandler>();
  private serial = 0;

  constructor(
    private readonly library: OfficeJsLibrary,
    /** What the simulated Excel supports; Office.context.requirements says the same. */
    readonly profile: HostProfile,
  ) {
    library.OfficeExtension.HttpUtility.setCustomSendRequestFunc((request) => this.dispatch(request));
    // Events arrive through `deliver`, which is open from the start.
    library.OfficeExtension._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  }

  /**
   * Gives the client a message Excel sends of its own accord (events: richApi/events.ts). It
   * reaches the handlers registered for each entry's event and target, in every request context
   * of this client; targets are ids unique to the process (worksheet ids), so another workbook's
   * handlers never see it.
   */
  deliver(message: RichApiMessage): void {
    this.library.OfficeExtension._testTriggerRichApiMessageEvent(message);
  }

  /** `Office.context.requirements.isSetSupported` of this Excel. */
  readonly isSetSupported = (name: string, version?: string): boolean =>
    supportsApi(this.profile, name, version);

  /** A fresh `Excel.RequestContext` whose syncs go to `url`, seen through the adapter's types. */
  newContext(url: string): ExcelContext {
    return new this.library.Excel.RequestContext(url) as ExcelContext;
  }

  /**
   * `Excel.run` on a fresh context for `url`: Microsoft's own batch semantics, including the
   * sync it makes of whatever the batch left queued when it resolves.
   */
  run<T>(url: string, batch: (context: ExcelContext) => Promise<T>): Promise<T> {
    return this.library.Excel.run(this.newContext(url), batch as (context: never) => Promise<T>);
  }

  /** Serves requests to `url…` with `handler`; returns the URL's release. */
  route(handler: RequestHandler): { readonly url: string; readonly release: () => void } {
    const url = `https://workbook-${++this.serial}.invalid`;
    this.routes.set(url, handler);
    return { url, release: () => this.routes.delete(url) };
  }

  private dispatch(request: HttpRequestInfo): Promise<HttpResponseInfo> {
    const base = request.url.replace(/\/ProcessQuery.*$/i, '');
    const handler = this.routes.get(base);
    if (!handler) {
      return Promise.resolve({
        statusCode: 404,
        headers: {},
        body: JSON.stringify({ error: { code: 'ItemNotFound', message: `No workbook at ${base}.` } }),
      });
    }
    return handler(request);
  }
}
