// Types for scripts/test-prereqs.js (plain CommonJS, run first by `npm test`).
export type Tool = 'xmllint' | 'chromium' | 'soffice' | 'pdftoppm' | 'carlito';
export interface Probes {
  has(tool: Tool): boolean;
  readonly isRoot: boolean;
  readonly hasAptGet: boolean;
  /** apt-get update, then install; true when both succeeded. */
  install(packages: readonly string[]): boolean;
}
export type Decision =
  | { readonly action: 'ready' }
  | { readonly action: 'install'; readonly packages: string[] }
  | { readonly action: 'tell'; readonly line: string };
export const TOOLS: readonly { readonly tool: Tool; readonly packages: readonly string[] }[];
export function decide(state: { missing: readonly Tool[]; isRoot: boolean; hasAptGet: boolean }): Decision;
/** Returns the exit code; every line printed goes to `say`. */
export function ensurePrerequisites(probes?: Probes, say?: (line: string) => void): number;
export function installCommand(packages: readonly string[], isRoot: boolean): string;
export function packagesFor(tools: readonly Tool[]): string[];
export function systemProbes(env?: NodeJS.ProcessEnv): Probes;
