/**
 * The preview's URL parameters: `?lang=en|nb` (default nb, as the sample is Norwegian),
 * `?theme=dark`, `?latency=ms` to make every round trip to the host as slow as Excel on the
 * web can be, and `?excel=api14` (`api16`, `api17`, `api19`) to be an older Excel than Excel on
 * the web (src/host/client/profiles.ts).
 */
import { isLang, type Lang } from '../domain/messages';
import { PROFILES, type HostProfile } from '../host/client/profiles';
import type { ThemeKind } from '../taskpane/theme';

export interface PreviewParams {
  readonly lang: Lang;
  readonly theme: ThemeKind;
  readonly latencyMs: number;
  readonly profile: HostProfile;
}

export function previewParams(search: string): PreviewParams {
  const q = new URLSearchParams(search);
  const latency = Number(q.get('latency'));
  const lang = q.get('lang');
  return {
    lang: isLang(lang) ? lang : 'nb',
    theme: q.get('theme') === 'dark' ? 'dark' : 'light',
    latencyMs: Number.isFinite(latency) && latency > 0 ? Math.min(latency, 10_000) : 0,
    profile: PROFILES[(q.get('excel') ?? '') as keyof typeof PROFILES] ?? PROFILES.web,
  };
}

/** The same URL with `lang` set, so that a reload keeps the language. */
export function withLang(href: string, lang: Lang): string {
  const url = new URL(href);
  url.searchParams.set('lang', lang);
  return url.href;
}
