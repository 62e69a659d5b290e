/**
 * The preview's URL parameters: `?lang=en|nb` (default nb, as the sample is Norwegian),
 * `?theme=dark`, and `?latency=ms` to make every round trip to the fake as slow as Excel on the
 * web can be.
 */
import type { Lang } from '../domain/messages';
import type { ThemeKind } from '../taskpane/theme';

export interface PreviewParams {
  readonly lang: Lang;
  readonly theme: ThemeKind;
  readonly latencyMs: number;
}

export function previewParams(search: string): PreviewParams {
  const q = new URLSearchParams(search);
  const latency = Number(q.get('latency'));
  return {
    lang: q.get('lang') === 'en' ? 'en' : 'nb',
    theme: q.get('theme') === 'dark' ? 'dark' : 'light',
    latencyMs: Number.isFinite(latency) && latency > 0 ? Math.min(latency, 10_000) : 0,
  };
}

/** The same URL with `lang` set, so that a reload keeps the language. */
export function withLang(href: string, lang: Lang): string {
  const url = new URL(href);
  url.searchParams.set('lang', lang);
  return url.href;
}
