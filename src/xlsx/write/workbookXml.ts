/**
 * The workbook part edited as text: sheets replaced in their tab position and added at the end,
 * defined names removed and added, and the workbook set to calculate in full when it is opened
 * (the new formulas have no cached results). Everything else in the part stays as written.
 */
import { decodeXstring } from '../read/text';
import { XlsxModelError } from './errors';
import { unescapeXml } from './xmlText';

/**
 * The workbook part with sheets replaced (`replace`: old sheet's name → new element) and added,
 * defined names removed and added, and `fullCalcOnLoad` set. Edited as text, element by element.
 */
export function editWorkbook(
  text: string,
  replace: ReadonlyMap<string, string>,
  append: readonly string[],
  removeName: (name: string, localSheetId: number | null) => boolean,
  addNames: readonly string[],
): string {
  const root = /<([\w.-]+:)?workbook\b/.exec(text);
  if (!root) throw new XlsxModelError('The workbook part has no workbook element.');
  const p = root[1] ?? '';
  /** An element written unprefixed, given the workbook's prefix (start and end tags). */
  const prefixed = (el: string) => (p ? el.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${p}`) : el);

  // Sheets.
  const sheetsOpen = new RegExp(`<${p}sheets\\b[^>]*>`).exec(text);
  const sheetsClose = text.indexOf(`</${p}sheets>`);
  if (!sheetsOpen || sheetsClose < 0) throw new XlsxModelError('The workbook part has no list of sheets.');
  let body = text.slice(sheetsOpen.index + sheetsOpen[0].length, sheetsClose);
  body = body.replace(new RegExp(`<${p}sheet\\b[^>]*?/>`, 'g'), (el) => {
    const name = decodeXstring(unescapeXml(/\bname="([^"]*)"/.exec(el)?.[1] ?? ''));
    const next = replace.get(name);
    return next === undefined ? el : prefixed(next);
  });
  body += append.map(prefixed).join('');
  text = text.slice(0, sheetsOpen.index + sheetsOpen[0].length) + body + text.slice(sheetsClose);

  // Defined names.
  const namesRe = new RegExp(
    `<${p}definedNames\\b[^>]*>([\\s\\S]*?)</${p}definedNames>|<${p}definedNames\\b[^>]*/>`,
  );
  const existing = namesRe.exec(text);
  let names = existing?.[1] ?? '';
  names = names.replace(
    new RegExp(`<${p}definedName\\b([^>]*?)(?:/>|>[\\s\\S]*?</${p}definedName>)`, 'g'),
    (el, attrs: string) => {
      const name = unescapeXml(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? '');
      const local = /\blocalSheetId="(\d+)"/.exec(attrs)?.[1];
      return removeName(name, local === undefined ? null : Number(local)) ? '' : el;
    },
  );
  names += addNames.map(prefixed).join('');
  const block = names.trim() === '' ? '' : `<${p}definedNames>${names}</${p}definedNames>`;
  if (existing) {
    text = text.slice(0, existing.index) + block + text.slice(existing.index + existing[0].length);
  } else if (block) {
    text = insertAfterLast(text, p, ['sheets', 'functionGroups', 'externalReferences'], block);
  }

  // Calculate on open: the new formulas have no cached results.
  const calc = new RegExp(`<${p}calcPr\\b([^>]*?)(/?)>`).exec(text);
  if (calc) {
    const attrs = /\bfullCalcOnLoad="[^"]*"/.test(calc[1])
      ? calc[1].replace(/\bfullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"')
      : `${calc[1]} fullCalcOnLoad="1"`;
    text =
      text.slice(0, calc.index) + `<${p}calcPr${attrs}${calc[2]}>` + text.slice(calc.index + calc[0].length);
  } else {
    text = insertAfterLast(
      text,
      p,
      ['sheets', 'functionGroups', 'externalReferences', 'definedNames'],
      `<${p}calcPr fullCalcOnLoad="1"/>`,
    );
  }
  return text;
}

/** Inserts `xml` after the last of the given elements present (the schema's order). */
function insertAfterLast(text: string, p: string, after: readonly string[], xml: string): string {
  let at = -1;
  for (const local of after) {
    const close = text.indexOf(`</${p}${local}>`);
    if (close >= 0) at = Math.max(at, close + `</${p}${local}>`.length);
    else {
      const empty = new RegExp(`<${p}${local}\\b[^>]*/>`).exec(text);
      if (empty) at = Math.max(at, empty.index + empty[0].length);
    }
  }
  if (at < 0) throw new XlsxModelError('The workbook part has no list of sheets.');
  return text.slice(0, at) + xml + text.slice(at);
}
