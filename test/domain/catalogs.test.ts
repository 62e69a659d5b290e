/**
 * One way to say things: every text reaches the user through a catalog (an interface and one
 * object per language, `Catalog<T>` in src/domain/messages.ts), so no source file chooses
 * between a bokmål and an English wording by comparing the language.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isLang, NOT_COMPUTED_NO_REGISTER, REST_OF_LIST, SEVERITY_LABEL } from '../../src/domain/messages';
import { nameList } from '../../src/domain/shorten';

const SRC = path.join(__dirname, '../../src');

/** `nb ? … : …`, `lang === 'nb' ? …`, `isNb ? …`, `(lang === 'nb' ? NB : EN)` and the like. */
const INLINE_CHOICE = [
  /\b(nb|en|isNb|isEn|isNorwegian|isEnglish)\s+\?\s/,
  /===?\s*'(nb|en)'\s*\)?\s*\?/,
  /!==?\s*'(nb|en)'\s*\)?\s*\?/,
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return /\.tsx?$/.test(e.name) ? [file] : [];
  });
}

/** Each line that chooses a text by language, as `file:line: text`. */
function inlineChoices(file: string): string[] {
  const rel = path.relative(SRC, file).split(path.sep).join('/');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) =>
      INLINE_CHOICE.some((p) => p.test(line.replace(/\/\/.*$|^\s*\*.*$/, '')))
        ? [`${rel}:${i + 1}: ${line.trim()}`]
        : [],
    );
}

describe('no inline language conditionals', () => {
  it('finds one where it is written, and none in a catalog lookup', () => {
    const probe = (line: string) => INLINE_CHOICE.some((p) => p.test(line));
    expect(probe("  const s = nb ? 'rader' : 'rows';")).toBe(true);
    expect(probe("  return lang === 'nb' ? NB : EN;")).toBe(true);
    expect(probe("  lang: q.get('lang') === 'en' ? 'en' : 'nb',")).toBe(true);
    expect(probe('  return CLI_TEXT[lang];')).toBe(false);
    expect(probe("  if (value === 'nb' || value === 'en') return value;")).toBe(false);
  });

  it('in any file under src/', () => {
    const found = sources(SRC).flatMap(inlineChoices);
    expect(found).toEqual([]);
  });
});

describe('the shared catalogs', () => {
  it('have both languages, and say different things in them', () => {
    expect(NOT_COMPUTED_NO_REGISTER.nb).not.toBe(NOT_COMPUTED_NO_REGISTER.en);
    expect(SEVERITY_LABEL.nb.error).toBe('Feil');
    expect(SEVERITY_LABEL.en.error).toBe('Errors');
  });

  it('end a list cut short in the same words wherever it is cut', () => {
    const sheets = Array.from({ length: 15 }, (_, i) => `Ark ${i + 1}`);
    expect(nameList(sheets, REST_OF_LIST.nb)).toMatch(/, Ark 12 … og 3 til$/);
    expect(nameList(sheets, REST_OF_LIST.en)).toMatch(/, Ark 12 … and 3 more$/);
  });

  it('isLang accepts the two languages and nothing else', () => {
    expect(['nb', 'en', 'nn', 'NB', '', null, undefined].map(isLang)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
