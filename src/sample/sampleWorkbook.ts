/**
 * The sample workbook: the 2010–2011 action plan of the Nedre Romerike
 * regional council (SNR), as its finance officers would keep it in Excel.
 * One builder serves the CLI's `sample` command and the add-in's preview.
 *
 * Its register, budget and financing are read from the seed plan itself
 * (`handlingsplan-2010-2011.txt`) by the plan reader. What the plan does not
 * say, or says garbled, is a curated addition kept apart below
 * (`SAMPLE_CURATION`): aliases a finance officer would add, and spellings
 * put right. Contributions, bases, ids, owners, budget lines and source
 * kinds all come from the reading.
 */
import type { WorkbookModel } from '../domain/model';
import { readPlanText } from '../domain/plan';
import { planSheets } from '../domain/plan/sheets';
import type { PlanReading } from '../domain/plan/types';
import { registerSheetModel } from '../domain/register/registerSheet';
import type { FundingSource, Register, RegisterEntry } from '../domain/register/types';
import { HANDLINGSPLAN_2010_2011 } from './handlingsplanText';

/** Text fields a curation may put right; money, ids, kinds and structure are the plan's. */
export type CuratedEntryFields = Partial<
  Pick<RegisterEntry, 'name' | 'role' | 'goals' | 'contributionNote' | 'aliases'>
>;

export interface Curation {
  /** By the entry's id and name as read (ids repeat: the seed has two 1.3s). */
  readonly entries: readonly {
    readonly id: string;
    readonly name: string;
    readonly set: CuratedEntryFields;
  }[];
  readonly sources: readonly {
    readonly name: string;
    readonly set: Partial<Pick<FundingSource, 'name' | 'aliases'>>;
  }[];
}

const STEERING = 'deltaker i styringsgruppe og medfinansierer';

/** What the sample adds to the seed's reading. */
export const SAMPLE_CURATION: Curation = {
  entries: [
    {
      // The contents name the group 1.1 `Energi- og miljøklyngen`; its sub-project's heading drops the hyphen.
      id: '1.1a',
      name: 'Energi og miljøklyngen',
      set: {
        name: 'Energi- og miljøklyngen',
        role: STEERING,
        aliases: ['Energi og miljøklyngen', 'Oslo Renewable Energy and Environment Cluster'],
      },
    },
    {
      id: '1.1b',
      name: 'Interreg FEM',
      set: {
        role: STEERING,
        contributionNote: 'SNR har forpliktet seg til deltakelse for hele perioden 2008–2011',
        aliases: ['FEM'],
      },
    },
    {
      id: '1.2',
      name: 'Helsedesign , Arena',
      set: { aliases: ['Helse design , Arena', 'Helsesdesign', 'Designdrevet innovasjon Ahus-miljøet'] },
    },
    {
      id: '1.3',
      name: 'Logistikknæringen',
      set: { contributionNote: 'Koordineringsressurs og en del av INNY-prosjektet' },
    },
    {
      id: '1.4',
      name: 'Næringsmiddelbedrifter',
      set: { contributionNote: 'Koordineringsressurs og en del av INNY-prosjektet' },
    },
    { id: '1.3', name: 'Et løft for reiselivet', set: { aliases: ['Reiseliv'] } },
    {
      id: '3.2',
      name: 'Markedsføring av Lillestrømregionen',
      set: {
        goals: [
          'Definere budskap og målgrupper i bedrift og personmarkedet samt kommunikasjonskanaler',
          'Vurdere kritiske faktorer for å få til felles markedsarbeid mellom kommunene i regionen',
          'Vurdering av pågående markedsaktiviteter i regionen og muligheten for sterkere samspill mellom dem',
          'Utvikle en skissemessig og kostnadsberegnet markedsplan for regionen og for hver av de deltakende kommunene',
        ],
      },
    },
    {
      id: '4.1',
      name: 'Samhandling kommune og næringsliv',
      set: {
        goals: [
          'Etablering og effektivisering av kommunevise møteplasser mellom bedrifter og kommuner i hele regionen',
          'Arrangere årlig næringslivskonferanse i regionen i samarbeid med andre utviklingsaktører',
        ],
      },
    },
    { id: '', name: 'Koordinering, drift', set: { aliases: ['Koordinering'] } },
  ],
  sources: [
    { name: 'Bruk fond SNR', set: { aliases: ['Fond SNR'] } },
    { name: 'Akershus Fylkeskommune', set: { name: 'Akershus fylkeskommune', aliases: ['AFK'] } },
  ],
};

/** The register as read, with a curation applied. A curation naming no entry is a mistake: it throws. */
export function curate(register: Register, curation: Curation): Register {
  const entries = [...register.entries];
  for (const c of curation.entries) {
    const i = entries.findIndex((e) => e.id === c.id && e.name === c.name);
    if (i < 0) throw new Error(`Curation names no entry read from the plan: ${c.id} ${c.name}`);
    entries[i] = { ...entries[i], ...c.set };
  }
  const sources = [...register.sources];
  for (const c of curation.sources) {
    const i = sources.findIndex((s) => s.name === c.name);
    if (i < 0) throw new Error(`Curation names no source read from the plan: ${c.name}`);
    sources[i] = { ...sources[i], ...c.set };
  }
  return { ...register, entries, sources };
}

let reading: PlanReading | null = null;

/** The seed plan, read (once: the reading is pure, so it is kept). */
export function sampleReading(): PlanReading {
  reading ??= readPlanText(HANDLINGSPLAN_2010_2011);
  return reading;
}

/** The register the plan describes (section 2 of the seed), with its operations lines and sources. */
export function sampleRegister(): Register {
  return curate(sampleReading().register, SAMPLE_CURATION);
}

/** Budget lines for 2010, in the seed's order (section 4), in kroner. */
export const SAMPLE_BUDGET_2010: readonly (readonly [string, number])[] = (sampleReading().budget?.rows ?? [])
  .filter((r) => r.role === 'line')
  .map((r) => [r.label, (r.amounts[0] ?? 0) / 100] as const);

/** The sample workbook: `Budsjett`, `Finansiering` and the hidden `Prosjektregister`. */
export function sampleWorkbookModel(): WorkbookModel {
  const { budget, financing } = planSheets(sampleReading());
  if (!budget || !financing) throw new Error('The seed plan has lost its budget or financing table.');
  return { sheets: [budget, financing, registerSheetModel(sampleRegister())] };
}
