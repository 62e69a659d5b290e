// Types for scripts/build-cli.js (plain CommonJS: npm run build:cli, and npm's prepare).
export interface BuildCliOptions {
  /** The project (default: this repository). */
  readonly root?: string;
  /** Compile only when the sources changed since the last successful build (prepare). */
  readonly ifChanged?: boolean;
  readonly log?: (line: string) => void;
}
/** Returns tsc's exit code (0 when nothing needed compiling). */
export function buildCli(options?: BuildCliOptions): number;
/** SHA-256 of src/, both tsconfig files and the TypeScript version. */
export function inputsHash(root?: string): string;
/** Whether build/ holds the CLI built from the sources as they are now. */
export function isUpToDate(root?: string): boolean;
