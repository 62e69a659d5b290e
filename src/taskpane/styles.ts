/**
 * Layout for the pane as inline styles on Fluent's design tokens (which are CSS variables set by
 * FluentProvider, so light, dark and high-contrast themes all apply).
 *
 * Why not makeStyles: Fluent's own components ship precompiled styles, but a makeStyles call in
 * our code pulls Griffel's runtime CSS compiler (stylis, shorthands, prefixer) into the first
 * chunk, about 8 KB gzipped of the 120 KB budget, for a handful of flex and margin rules. These
 * rules need no pseudo-classes or media queries, which is what inline styles cannot do; the one
 * that does (the cell links' focus mark, CELL_LINK_CSS) is a plain style element.
 */
import { tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';

const stack = (rowGap: string): CSSProperties => ({ display: 'flex', flexDirection: 'column', rowGap });

export const S = {
  /** The theme's background over the whole pane, not just the content. */
  provider: { minHeight: '100vh' },
  main: {
    ...stack(tokens.spacingVerticalL),
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  stack: stack(tokens.spacingVerticalXS),
  outcome: stack(tokens.spacingVerticalM),
  result: stack(tokens.spacingVerticalL),
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  rowTight: { display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  bullets: { margin: 0, paddingInlineStart: '1.25em' },
  /** Headings and paragraphs: spacing comes from the stacks' gaps, not browser margins. */
  plain: { margin: 0 },
  /** Read by screen readers, not shown (a live region whose text is shown elsewhere too). */
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  /** As wide as the pane, never wider (a list of long project names). */
  shrink: { minWidth: 0, maxWidth: '100%' },
  /** A wrapper that takes no part in the layout (its children are laid out as the parent's). */
  contents: { display: 'contents' },
  /** A button in a stack: as wide as its text. */
  start: { alignSelf: 'flex-start' },
  /** "not found", "shown after reconciling": said in words, italics only as a hint. */
  missing: { fontStyle: 'italic' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: 'start' },
  columnHead: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  rowHead: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
  },
  amount: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'end',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
  groupEnd: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  list: { listStyleType: 'none', margin: 0, padding: 0, ...stack(tokens.spacingVerticalS) },
  /** A heading that takes the focus (Subtitle2's look on a native heading, which takes a ref). */
  heading: {
    margin: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
  },
  /** A group of inputs (a list edited item by item): no browser frame, the stack's spacing. */
  fieldset: { border: 0, margin: 0, padding: 0, minWidth: 0, ...stack(tokens.spacingVerticalXS) },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  /** A validation message outside a Field (a whole list's); the text says it, colour only helps. */
  errorText: { color: tokens.colorPaletteRedForeground1 },
  /** A row of the register's lists: its name, a summary, and its buttons. */
  registerItem: {
    ...stack(tokens.spacingVerticalXXS),
    paddingBlockEnd: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  /**
   * The register row a finding opened the editor at: a tinted background and a bar at its start
   * (the bar stays in Windows high contrast, where backgrounds are the system's).
   */
  markedItem: {
    backgroundColor: tokens.colorBrandBackground2,
    paddingInlineStart: tokens.spacingHorizontalS,
    borderInlineStart: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  /** An input that takes the row's free width next to its button. */
  grow: { flexGrow: 1, minWidth: 0 },
  finding: {
    ...stack(tokens.spacingVerticalXXS),
    paddingInlineStart: tokens.spacingHorizontalS,
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: 'solid',
  },
} satisfies Record<string, CSSProperties>;

/**
 * The class of a finding's cell links, and their keyboard focus mark. Fluent's Link marks focus
 * with a double underline in the stroke-focus colour: under an inline link that is already
 * underlined, it is hard to see. This draws a ring instead, as Fluent's buttons have, and in
 * Windows high contrast (`forced-colors: active`) in the system's Highlight colour. The one rule
 * here that needs pseudo-classes and a media query, hence a style element (FindingList renders
 * it) rather than inline styles. The class is doubled to outrank Fluent's own focus rules, which
 * match on `[data-fui-focus-visible]` (set by Fluent's keyboard-focus tracking) and `:focus-visible`.
 */
export const CELL_LINK_CLASS = 'pr-cell-link';

const CELL_FOCUS = `.${CELL_LINK_CLASS}.${CELL_LINK_CLASS}:focus-visible, .${CELL_LINK_CLASS}.${CELL_LINK_CLASS}[data-fui-focus-visible]`;

export const CELL_LINK_CSS = [
  `${CELL_FOCUS} { outline: ${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}; outline-offset: ${tokens.strokeWidthThick}; border-radius: ${tokens.borderRadiusSmall}; }`,
  `@media (forced-colors: active) { ${CELL_FOCUS} { outline-color: Highlight; } }`,
].join('\n');

/** The accent of a finding's left border; the group heading says the severity in words. */
export const SEVERITY_BORDER = {
  error: tokens.colorStatusDangerBorderActive,
  warning: tokens.colorStatusWarningBorderActive,
  info: tokens.colorNeutralStroke1,
} as const;
