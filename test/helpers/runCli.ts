/**
 * The CLI run in-process, as `plan-reconciler ARGS` would run: its exit code and everything it
 * wrote to stdout and stderr.
 */
import { main, type Io } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `env` stands for the process's environment (LANG and LC_* choose the default language). */
export async function runCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env };
  const code = await main(args, io);
  return { code, out: out.join(''), err: err.join('') };
}
