import { bestMatch, type MatchCandidate } from '../match';
import { displayNameOf, entryFieldsOf, nameWithId, type EntryFields } from '../register/entryFields';
import type { FundingSource, Register, RegisterEntry } from '../register/types';
import { LabelIndex } from '../labelIndex';

/** Looks labels up in the register by name, budget line and aliases, exactly after normalising. */
export class RegisterIndex {
  /** Names, budget lines and aliases by their normalised form; `entryOfKey[n]` is key n's entry. */
  private readonly entryKeys: LabelIndex;
  /** Sized for one key per entry; grows (rarely) for budget lines and aliases. */
  private entryOfKey: Int32Array;
  private readonly sourceKeys = new LabelIndex();
  private readonly sourceOfKey: number[] = [];
  private entryCandidates: MatchCandidate<number>[] | null = null;
  private sourceCandidates: MatchCandidate<number>[] | null = null;

  /**
   * `fields` are the entries' fields reconciling reads; readRegister gives
   * them without making the entries (see EntryFields).
   */
  constructor(
    readonly register: Register,
    readonly fields: EntryFields = entryFieldsOf(register.entries),
  ) {
    this.entryKeys = new LabelIndex(fields.length);
    this.entryOfKey = new Int32Array(Math.max(fields.length, 16));
    // The first name that claims a key keeps it. Written out, not via entryNames(): no array per entry.
    for (let i = 0; i < fields.length; i++) {
      const name = fields.name(i);
      const line = fields.budgetLine(i);
      if (line !== '' && line !== name) this.claimEntryKey(line, i);
      this.claimEntryKey(name, i);
      const aliases = fields.aliases(i);
      for (let a = 0; a < aliases.length; a++) this.claimEntryKey(aliases[a], i);
    }
    register.sources.forEach((s, i) => {
      if (this.sourceKeys.addNew(s.name)) this.sourceOfKey.push(i);
      for (const alias of s.aliases) if (this.sourceKeys.addNew(alias)) this.sourceOfKey.push(i);
    });
  }

  private claimEntryKey(label: string, entry: number): void {
    if (!this.entryKeys.addNew(label)) return;
    const n = this.entryKeys.size - 1;
    if (n === this.entryOfKey.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.entryOfKey);
      this.entryOfKey = grown;
    }
    this.entryOfKey[n] = entry;
  }

  entry(i: number): RegisterEntry {
    return this.register.entries[i];
  }

  /** The entry whose name, budget line or alias is the label, after normalising; null when none. */
  entryFor(label: string): number | null {
    const n = this.entryKeys.get(label);
    return n < 0 ? null : this.entryOfKey[n];
  }

  sourceFor(label: string): FundingSource | null {
    const n = this.sourceKeys.get(label);
    return n < 0 ? null : this.register.sources[this.sourceOfKey[n]];
  }

  /** The closest register entry's name, for an unknown label. */
  suggestEntry(label: string): string | undefined {
    const f = this.fields;
    if (this.entryCandidates === null) {
      const candidates: MatchCandidate<number>[] = [];
      for (let i = 0; i < f.length; i++) {
        for (const text of entryNames(f.name(i), f.budgetLine(i), f.aliases(i)))
          candidates.push({ key: i, text });
      }
      this.entryCandidates = candidates;
    }
    const hit = bestMatch(label, this.entryCandidates);
    return hit ? displayNameOf(f, hit.key) : undefined;
  }

  suggestSource(label: string): string | undefined {
    this.sourceCandidates ??= this.register.sources.flatMap((s, i) =>
      [s.name, ...s.aliases].map((text) => ({ key: i, text })),
    );
    const hit = bestMatch(label, this.sourceCandidates);
    return hit ? this.register.sources[hit.key].name : undefined;
  }
}

function entryNames(name: string, budgetLine: string, aliases: readonly string[]): string[] {
  const names = budgetLine === name || budgetLine === '' ? [name] : [budgetLine, name];
  return aliases.length === 0 ? names : [...names, ...aliases].filter((s) => s.trim() !== '');
}

/** `1.2 Helsedesign, Arena`, or the name alone for operations lines. */
export function displayName(e: RegisterEntry): string {
  return nameWithId(e.id, e.name);
}
