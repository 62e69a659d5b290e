/**
 * One set of field labels for the register: the editor's forms label each field with the
 * domain's word (fieldLabels.ts), a note in brackets at most, and a validation message names the
 * field with that same word.
 */
import { REGISTER_FIELD_LABELS } from '../../src/domain/register/fieldLabels';
import { fieldErrorMessage } from '../../src/domain/register/edit/fieldMessages';
import { PROJECT_KEYS } from '../../src/domain/register/types';
import { STRINGS } from '../../src/taskpane/strings';

describe.each(['nb', 'en'] as const)('the register field labels in %s', (lang) => {
  const labels = REGISTER_FIELD_LABELS[lang];
  const form = STRINGS[lang].reg.field;

  it('label every stored field, each with a word of its own', () => {
    expect(Object.keys(labels).sort()).toEqual([...PROJECT_KEYS].sort());
    expect(new Set(Object.values(labels)).size).toBe(PROJECT_KEYS.length);
  });

  it('are the words of the editor’s forms, with at most a note in brackets', () => {
    for (const key of PROJECT_KEYS) {
      const note = form[key].slice(labels[key].length);
      expect({ key, starts: form[key].startsWith(labels[key]), note }).toEqual({
        key,
        starts: true,
        note: expect.stringMatching(/^(| \(.+\))$/),
      });
    }
  });

  it('are the words a validation message names a field by', () => {
    for (const field of ['id', 'name'] as const) {
      expect(fieldErrorMessage({ field, code: 'required' }, lang).startsWith(`${labels[field]} `)).toBe(true);
    }
  });
});

it('call the council’s role the same in the form and in the messages', () => {
  expect(REGISTER_FIELD_LABELS.nb.role).toBe('Rådets rolle');
  expect(STRINGS.nb.reg.field.role).toBe('Rådets rolle');
  expect(STRINGS.en.reg.field.role).toBe("The council's role");
  expect(STRINGS.nb.reg.field.contribution).toBe('Bidrag (kroner)');
});
