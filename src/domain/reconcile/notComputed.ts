/**
 * Figures that need the project register: which sources are the council's
 * own, which lines the earmarks name, what each project was promised. Without
 * a register (or with an empty one) they are not computed, and every output
 * says so (messages.ts NOT_COMPUTED_NO_REGISTER) rather than showing 0 or a difference.
 */
import type { RegisterIndex } from './registerIndex';

/**
 * Whether the plan was tied to a register with anything in it. An empty
 * register knows no own source and no project: own sources would be 0 and
 * every own-funded krone a difference, figures that only mean "no register".
 */
export function hasRegisterFigures(index: RegisterIndex | null): boolean {
  return index !== null && (index.fields.length > 0 || index.register.sources.length > 0);
}
