import { bestMatch, normalizeLabel, type MatchCandidate } from '../match';
import type { FundingSource, Register, RegisterEntry } from '../register/types';
import { StringIndex } from '../stringIndex';

/** Looks labels up in the register by name, budget line and aliases, exactly after normalising. */
export class RegisterIndex {
  /** Normalised names, budget lines and aliases, numbered; `entryOfKey[n]` is key n's entry. */
  private readonly entryKeys: StringIndex;
  private readonly entryOfKey: number[] = [];
  private readonly sourceByKey = new Map<string, number>();
  private entryCandidates: MatchCandidate<number>[] | null = null;
  private sourceCandidates: MatchCandidate<number>[] | null = null;

  constructor(readonly register: Register) {
    this.entryKeys = new StringIndex(register.entries.length);
    const addKey = (text: string, i: number) => {
      const k = normalizeLabel(text);
      if (k === '') return;
      const before = this.entryKeys.size;
      if (this.entryKeys.add(k) === before) this.entryOfKey.push(i);
    };
    register.entries.forEach((e, i) => {
      // The first name that claims a key keeps it. Written out, not via entryNames(): no array per entry.
      if (e.budgetLine !== '' && e.budgetLine !== e.name) addKey(e.budgetLine, i);
      addKey(e.name, i);
      for (let a = 0; a < e.aliases.length; a++) addKey(e.aliases[a], i);
    });
    register.sources.forEach((s, i) => {
      for (const key of [s.name, ...s.aliases]) {
        const k = normalizeLabel(key);
        if (k !== '' && !this.sourceByKey.has(k)) this.sourceByKey.set(k, i);
      }
    });
  }

  entry(i: number): RegisterEntry {
    return this.register.entries[i];
  }

  entryFor(label: string): number | null {
    return this.entryForKey(normalizeLabel(label));
  }

  /** By a label already normalised with normalizeLabel. */
  entryForKey(key: string): number | null {
    const n = this.entryKeys.get(key);
    return n < 0 ? null : this.entryOfKey[n];
  }

  sourceFor(label: string): FundingSource | null {
    const i = this.sourceByKey.get(normalizeLabel(label));
    return i === undefined ? null : this.register.sources[i];
  }

  /** The closest register entry's name, for an unknown label. */
  suggestEntry(label: string): string | undefined {
    this.entryCandidates ??= this.register.entries.flatMap((e, i) =>
      entryNames(e).map((text) => ({ key: i, text })),
    );
    const hit = bestMatch(label, this.entryCandidates);
    return hit ? displayName(this.register.entries[hit.key]) : undefined;
  }

  suggestSource(label: string): string | undefined {
    this.sourceCandidates ??= this.register.sources.flatMap((s, i) =>
      [s.name, ...s.aliases].map((text) => ({ key: i, text })),
    );
    const hit = bestMatch(label, this.sourceCandidates);
    return hit ? this.register.sources[hit.key].name : undefined;
  }
}

function entryNames(e: RegisterEntry): string[] {
  const names = e.budgetLine === e.name || e.budgetLine === '' ? [e.name] : [e.budgetLine, e.name];
  return e.aliases.length === 0 ? names : [...names, ...e.aliases].filter((s) => s.trim() !== '');
}

/** `1.2 Helsedesign, Arena`, or the name alone for operations lines. */
export function displayName(e: RegisterEntry): string {
  return e.id ? `${e.id} ${e.name}` : e.name;
}
