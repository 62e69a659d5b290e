/**
 * A form's field errors as sentences, in bokmål and English: one catalog per language, so that
 * a message missing in either is a type error. Fields are named by the register's one set of
 * labels (fieldLabels.ts).
 */
import type { Lang } from '../../messages';
import { quote as q } from '../../shorten';
import { REGISTER_FIELD_LABELS } from '../fieldLabels';
import type { FieldError } from './fieldErrors';

interface FieldErrorTexts {
  /** `field`: the field's label. */
  readonly required: (field: string) => string;
  readonly duplicateId: (text: string, other: string) => string;
  readonly duplicateName: (text: string, other: string) => string;
  readonly negativeAmount: (text: string) => string;
  readonly notAmount: (text: string) => string;
  readonly basisNeeded: string;
  readonly basisWithoutAmount: string;
  /** `other`: the budget's nearest line, quoted, or ''. */
  readonly unknownBudgetLine: (text: string, other: string) => string;
  /** `item`: which item, as `itemNumber` says it, or ''. */
  readonly listItemEmpty: (item: string) => string;
  readonly listSeparator: (text: string, item: string) => string;
  readonly aliasTaken: (text: string, other: string) => string;
  readonly itemNumber: (n: string) => string;
}

const NB: FieldErrorTexts = {
  required: (field) => `${field} må fylles ut.`,
  duplicateId: (t, other) => `Id ${t} er allerede brukt av ${other}.`,
  duplicateName: (t, other) => `${t} er allerede navn, budsjettpost eller alias for ${other}.`,
  negativeAmount: (t) => `Bidraget kan ikke være negativt (${t}).`,
  notAmount: (t) => `${t} er ikke et beløp. Skriv f.eks. 200 000 eller 1 234,50.`,
  basisNeeded: 'Velg grunnlag: per år eller totalt.',
  basisWithoutAmount: 'Grunnlag gjelder bare når et beløp er oppgitt.',
  unknownBudgetLine: (t, other) => `Budsjettarket har ingen post ${t}.${other ? ` Mente du ${other}?` : ''}`,
  listItemEmpty: (item) => `Listen har et tomt element${item}.`,
  listSeparator: (t, item) => `${t}${item} inneholder «;», som skiller elementene i registeret.`,
  aliasTaken: (t, other) => `Aliaset ${t} er allerede navn, budsjettpost eller alias for ${other}.`,
  itemNumber: (n) => ` (element ${n})`,
};

const EN: FieldErrorTexts = {
  required: (field) => `${field} is required.`,
  duplicateId: (t, other) => `Id ${t} is already used by ${other}.`,
  duplicateName: (t, other) => `${t} is already the name, budget line or alias of ${other}.`,
  negativeAmount: (t) => `The contribution cannot be negative (${t}).`,
  notAmount: (t) => `${t} is not an amount. Write e.g. 200 000 or 1 234,50.`,
  basisNeeded: 'Choose a basis: per year or in total.',
  basisWithoutAmount: 'A basis applies only when an amount is given.',
  unknownBudgetLine: (t, other) =>
    `The budget sheet has no line ${t}.${other ? ` Did you mean ${other}?` : ''}`,
  listItemEmpty: (item) => `The list has an empty item${item}.`,
  listSeparator: (t, item) => `${t}${item} contains «;», which separates the items in the register.`,
  aliasTaken: (t, other) => `The alias ${t} is already the name, budget line or alias of ${other}.`,
  itemNumber: (n) => ` (item ${n})`,
};

const TEXTS: Readonly<Record<Lang, FieldErrorTexts>> = { nb: NB, en: EN };

/** The error as a sentence for the form, naming the conflicting row where there is one. */
export function fieldErrorMessage(e: FieldError, lang: Lang): string {
  const T = TEXTS[lang];
  const p = e.params ?? {};
  const text = q(p.text);
  const other = q(p.other);
  const item = p.item ? T.itemNumber(p.item) : '';
  switch (e.code) {
    case 'required':
      return T.required(REGISTER_FIELD_LABELS[lang][e.field]);
    case 'duplicateId':
      return T.duplicateId(text, other);
    case 'duplicateName':
      return T.duplicateName(text, other);
    case 'amount':
      return p.reason === 'negative' ? T.negativeAmount(text) : T.notAmount(text);
    case 'basisNeeded':
      return T.basisNeeded;
    case 'basisWithoutAmount':
      return T.basisWithoutAmount;
    case 'unknownBudgetLine':
      return T.unknownBudgetLine(text, p.other ? other : '');
    case 'listItemEmpty':
      return T.listItemEmpty(item);
    case 'listSeparator':
      return T.listSeparator(text, item);
    case 'aliasTaken':
      return T.aliasTaken(text, other);
  }
}
