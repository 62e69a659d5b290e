/**
 * Microsoft's Office.js client in Node (tests, the bench): its Excel runtime
 * `@microsoft/office-js/dist/excel-web-16.00.js` runs in a `vm` context whose
 * global has `window` and `navigator`, one context per host profile (loaded
 * once per process, ~0.2 s each).
 *
 * After loading, the context's `Office` is replaced by one whose
 * `context.requirements.isSetSupported` answers for the profile, and the
 * client's own requirement check is switched on: Office.js sets
 * `OfficeExtension.Utility._doApiNotSupportedCheck = true` at the end of the
 * file, but `throwIfApiNotSupported` reads the flag of `CommonUtility`, which
 * stays false, so the shipped library never checks and an older Excel answers
 * `ApiNotFound` itself (the host does too). With the check on, a method or
 * navigation above the profile throws where it is called, naming its set.
 */
import * as fs from 'node:fs';
import * as vm from 'node:vm';
import { ExcelClient, type OfficeJsLibrary } from './client';
import { PROFILES, supportsApi, type HostProfile } from './profiles';

const RUNTIME = 'excel-web-16.00.js';
let source: string | undefined;
const loaded = new Map<string, ExcelClient>();

export interface NodeClientOptions {
  /** Switch the client's own requirement check on (default true; see the header). */
  readonly clientCheck?: boolean;
}

/** The path of Microsoft's Excel runtime in node_modules. */
export function excelRuntimePath(): string {
  return require.resolve(`@microsoft/office-js/dist/${RUNTIME}`);
}

function load(profile: HostProfile, clientCheck: boolean): OfficeJsLibrary {
  source ??= fs.readFileSync(excelRuntimePath(), 'utf8');
  const global: Record<string, unknown> = {
    navigator: { userAgent: 'Node.js', platform: process.platform, language: 'en-US' },
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
  };
  global.window = global;
  global.self = global;
  const context = vm.createContext(global);
  vm.runInContext(source, context, { filename: RUNTIME });
  const office = context.Office as object;
  context.Office = Object.create(office, {
    context: {
      value: {
        requirements: {
          isSetSupported: (name: string, version?: string) => supportsApi(profile, name, version),
        },
      },
    },
  });
  const library = context as unknown as OfficeJsLibrary & {
    OfficeExtension: { CommonUtility: { _doApiNotSupportedCheck: boolean } };
  };
  library.OfficeExtension.CommonUtility._doApiNotSupportedCheck = clientCheck;
  return library;
}

/** Microsoft's client for `profile` (Excel on the web by default), loaded once per process. */
export function nodeClient(
  profile: HostProfile = PROFILES.web,
  options: NodeClientOptions = {},
): ExcelClient {
  const clientCheck = options.clientCheck ?? true;
  const key = `${profile.name}|${JSON.stringify(profile.sets)}|${clientCheck}`;
  let client = loaded.get(key);
  if (!client) {
    client = new ExcelClient(load(profile, clientCheck), profile);
    loaded.set(key, client);
  }
  return client;
}
