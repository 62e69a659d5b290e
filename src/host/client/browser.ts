/**
 * Microsoft's Office.js client in the preview page: preview.html loads the
 * Excel runtime (`excel-web-16.00.js`, copied from `@microsoft/office-js` by
 * the build) with a script tag before the page's own code, which defines
 * `window.Excel` and `window.OfficeExtension`. As in Node (node.ts), `Office`
 * is then given the profile's `context.requirements`, and the client's own
 * requirement check is switched on.
 */
import { ExcelClient, type OfficeJsLibrary } from './client';
import { PROFILES, supportsApi, type HostProfile } from './profiles';

type Global = typeof globalThis & {
  Office?: object;
  Excel?: unknown;
  OfficeExtension?: { CommonUtility?: { _doApiNotSupportedCheck?: boolean } };
};

let client: ExcelClient | undefined;

/** The page's client (one per page: the library is global), for `profile` (Excel on the web by default). */
export function browserClient(profile: HostProfile = PROFILES.web): ExcelClient {
  if (client) return client;
  const g = globalThis as Global;
  if (!g.Excel || !g.OfficeExtension) {
    throw new Error(
      "Microsoft's Excel runtime (excel-web-16.00.js) is not loaded: preview.html loads it first.",
    );
  }
  g.Office = Object.create(g.Office ?? {}, {
    context: {
      value: {
        requirements: {
          isSetSupported: (name: string, version?: string) => supportsApi(profile, name, version),
        },
      },
    },
  });
  if (g.OfficeExtension.CommonUtility) g.OfficeExtension.CommonUtility._doApiNotSupportedCheck = true;
  client = new ExcelClient(g as unknown as OfficeJsLibrary, profile);
  return client;
}
