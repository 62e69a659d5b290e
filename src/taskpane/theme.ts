/**
 * Which Fluent theme the pane uses: Office's light or dark look, and a high-contrast theme when
 * Windows forces its colours (`forced-colors: active`), where Fluent's own colours would be
 * overridden anyway and focus rings and borders must carry the meaning.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeKind = 'light' | 'dark';

export function fluentTheme(kind: ThemeKind, forcedColors: boolean): Theme {
  if (forcedColors) return teamsHighContrastTheme;
  return kind === 'dark' ? webDarkTheme : webLightTheme;
}

/**
 * Light or dark from the background colour Office reports (`Office.context.officeTheme
 * .bodyBackgroundColor`, `#RRGGBB`); light when unknown.
 */
export function themeKindFromBackground(color: string | undefined | null): ThemeKind {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? '').trim());
  if (!m) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  // Relative luminance (sRGB weights, no gamma: enough to tell a dark background from a light one).
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}
