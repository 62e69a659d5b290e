/**
 * Host profiles: which requirement sets the simulated Excel has. The host
 * refuses any member above its profile (`ApiNotFound`, as that Excel would),
 * and Microsoft's client is told the same through
 * `Office.context.requirements.isSetSupported`, so the add-in's own checks
 * see what a real Excel of that version would tell them.
 *
 * `web` is Excel on the web today (every ExcelApi set in @types/office-js);
 * the others are older Excels, one per requirement set the add-in checks:
 * 1.4 is what it needs at least (Excel 2016 without updates has 1.2 to 1.4).
 */

export interface HostProfile {
  /** `web`, `ExcelApi 1.4`, ... */
  readonly name: string;
  /** Highest version per requirement set (`ExcelApi: '1.21'`). */
  readonly sets: Readonly<Record<string, string>>;
}

const profile = (name: string, excelApi: string, extra: Record<string, string> = {}): HostProfile => ({
  name,
  sets: { ExcelApi: excelApi, ...extra },
});

export const PROFILES = {
  /** Excel on the web: ExcelApi 1.21, the online-only set, and the shared runtime. */
  web: profile('Excel on the web', '1.21', { ExcelApiOnline: '1.1', SharedRuntime: '1.1' }),
  /** The oldest Excel the add-in runs in: no OrNullObject before 1.4. */
  api14: profile('ExcelApi 1.4', '1.4'),
  /** Conditional formats and calculation suspension (1.6), not hyperlinks or frozen panes. */
  api16: profile('ExcelApi 1.6', '1.6'),
  /** Hyperlinks, frozen panes, chart series, passwords (1.7), not cell properties or page layout. */
  api17: profile('ExcelApi 1.7', '1.7'),
  /** Cell properties, page layout and breaks (1.9). */
  api19: profile('ExcelApi 1.9', '1.9'),
} as const satisfies Record<string, HostProfile>;

export type ProfileName = keyof typeof PROFILES;

function parts(v: string): number[] {
  return v.split('.').map((p) => Number(p) || 0);
}

/** Is `version` (`1.9`) at most `supported` (`1.12`)? */
export function versionAtMost(version: string, supported: string): boolean {
  const a = parts(version);
  const b = parts(supported);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

/** `Office.context.requirements.isSetSupported(name, version)` for a profile. */
export function supportsApi(profile: HostProfile, name: string, version = '1.1'): boolean {
  const have = profile.sets[name];
  return have !== undefined && versionAtMost(version, have);
}
