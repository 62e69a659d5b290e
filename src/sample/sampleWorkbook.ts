/**
 * The sample workbook: the 2010–2011 action plan of the Nedre Romerike
 * regional council (SNR), as its finance officers would keep it in Excel.
 * One builder serves the CLI's `sample` command and the add-in's preview.
 */
import { kronerToOre } from '../domain/amount';
import type { CellModel, SheetModel, WorkbookModel } from '../domain/model';
import { registerEntry } from '../domain/register/entry';
import { registerSheetModel } from '../domain/register/registerSheet';
import {
  REGISTER_FORMAT_VERSION,
  type FundingSource,
  type Register,
  type RegisterEntry,
} from '../domain/register/types';

const AREA_1 = '1 Verdiskapende klynger';
const AREA_2 = '2 Nyetablering og nyskaping';
const AREA_3 = '3 Omdømmebygging og markedsføring av region og kommuner';
const AREA_4 = '4 Næringsvennlige kommuner';
const STEERING = 'deltaker i styringsgruppe og medfinansierer';

type EntryInput = Partial<RegisterEntry> & Pick<RegisterEntry, 'name'> & { contributionKr?: number };

function entry(e: EntryInput): RegisterEntry {
  const { contributionKr, ...rest } = e;
  return registerEntry({
    ...rest,
    contribution: contributionKr === undefined ? null : kronerToOre(contributionKr),
  });
}

/** The register the plan describes (section 2 of the seed), with its operations lines and sources. */
export function sampleRegister(): Register {
  const entries: RegisterEntry[] = [
    entry({
      id: '1.1a',
      name: 'Energi- og miljøklyngen',
      area: AREA_1,
      phase: 'Videreføring av hovedprosjekt',
      owner: 'Kunnskapsbyen Lillestrøm',
      role: STEERING,
      contributionKr: 100_000,
      basis: 'per år',
      budgetLine: 'Energi og miljø',
      aliases: ['Energi og miljøklyngen', 'Oslo Renewable Energy and Environment Cluster'],
    }),
    entry({
      id: '1.1b',
      name: 'Interreg FEM',
      area: AREA_1,
      phase: 'Videreføring av hovedprosjekt',
      owner: 'Kunnskapsbyen Lillestrøm',
      role: STEERING,
      contributionKr: 150_000,
      basis: 'totalt',
      contributionNote: 'SNR har forpliktet seg til deltakelse for hele perioden 2008–2011',
      budgetLine: 'Interreg prosjekt FEM',
      aliases: ['FEM'],
    }),
    entry({
      id: '1.2',
      name: 'Helsedesign , Arena',
      area: AREA_1,
      phase: 'Nytt hovedprosjekt',
      owner: 'SNR',
      role: STEERING,
      partners: ['Campus Kjeller', 'HiAk', 'Ahus', 'bedrifter', 'kommunene'],
      goals: ['Klargjøres i forprosjektet'],
      contributionKr: 200_000,
      basis: 'per år',
      contributionNote: 'Arenaprogram',
      budgetLine: 'Helsesdesign Arena',
      aliases: ['Helse design , Arena', 'Helsesdesign', 'Designdrevet innovasjon Ahus-miljøet'],
    }),
    entry({
      id: '1.3',
      name: 'Logistikknæringen',
      area: AREA_1,
      phase: 'Ny forstudie',
      owner: 'SNR',
      partners: [
        'Kommunene',
        'Logistikkbedriftene',
        'Campus Kjeller',
        'Kunnskapsbyen Lillestrøm',
        'Høgskolen i Akershus',
      ],
      goals: [
        'Identifisere aktører og miljøer',
        'Avdekke aktørenes interesse for å bli med på et innledende arbeid for videreutvikling av logistikknæringene, hva angår nyskaping, kompetanse- og teknologiutvikling, herunder vurdere interessen for etablering av fagutdanning / studier innen fagområdet',
      ],
      contributionNote: 'Koordineringsressurs og en del av INNY-prosjektet',
    }),
    entry({
      id: '1.4',
      name: 'Næringsmiddelbedrifter',
      area: AREA_1,
      phase: 'Ny forstudie',
      owner: 'SNR',
      partners: [
        'Kommunene',
        'Næringsmiddelbedriftene',
        'Campus Kjeller',
        'Kunnskapsbyen Lillestrøm',
        'Høgskolen i Akershus',
      ],
      goals: [
        'Identifisere næringsmiddelbedriftene i regionen',
        'Avdekke aktørenes interesse for å bli med på et innledende programarbeid for videreutvikling av næringsmiddelindustrien, hva angår nyskaping, kompetanse- og teknologiutvikling',
        'Vurdere tilknytningsformer til nasjonale kompetansemiljøer bla. på UMB, innen fagområdet',
      ],
      contributionNote: 'Koordineringsressurs og en del av INNY-prosjektet',
    }),
    entry({
      id: '1.3',
      name: 'Et løft for reiselivet',
      area: AREA_1,
      phase: 'Videreføring av hovedprosjekt',
      owner: 'Visit Romerike',
      role: 'Medspiller',
      partners: ['reiselivsbedriftene', 'kommunen'],
      goals: ['Økning i antall besøkende, omsetning og resultater for bedriftene'],
      contributionKr: 100_000,
      basis: 'per år',
      budgetLine: 'Reiselivet',
      aliases: ['Reiseliv'],
    }),
    entry({
      id: '2.1',
      name: 'Etablerertjeneste på Nedre Romerike',
      area: AREA_2,
      phase: 'Nytt hovedprosjekt',
      owner: 'SNR',
      role: 'Prosjekteier som skal drive Etablerertjenesten i regionen',
      partners: ['Kommunene', 'Akershus Fylkeskommune', 'Innovasjon Norge', 'ØRU', 'Follo Regionen'],
      goals: ['Flere nyetableringer og arbeidsplasser gjennom en effektiv etablerertjeneste'],
      contributionNote: 'Administrativ koordinering',
      budgetLine: 'Etablerertjenesten',
      aliases: ['Etablerertjenester', 'Etablerertjenester Nedre Romerike'],
    }),
    entry({
      id: '2.2',
      name: 'Regionalt innovasjonsprosjekt sammen med Campus Kjeller',
      area: AREA_2,
      phase: 'Nytt forprosjekt',
      owner: 'Campus Kjeller AS',
      role: 'Medspiller og koordinator',
      partners: ['Kommunene'],
      goals: ['Finne forutsetningene for og innholdet i en regional innovasjonsmodell'],
      contributionKr: 400_000,
      basis: 'totalt',
      budgetLine: 'Regional Innovasjonsprosjekt',
      aliases: ['Regional Innovasjon'],
    }),
    entry({
      id: '3.1',
      name: 'Akkvisisjon',
      area: AREA_3,
      phase: 'Videreføring av hovedprosjekt',
      owner: 'Kunnskapsbyen Lillestrøm',
      role: 'Medspiller og deltaker i styringsgruppe',
      partners: ['Kommunene', 'Akershus fylkeskommune'],
      goals: ['Flere store virksomheter til Romerike'],
      contributionKr: 200_000,
      basis: 'per år',
      budgetLine: 'Akkvisisjon',
    }),
    entry({
      id: '3.2',
      name: 'Markedsføring av Lillestrømregionen',
      area: AREA_3,
      phase: 'Ny forstudie',
      owner: 'SNR',
      partners: ['Kommunene', 'Kunnskapsbyen Lillestrøm'],
      goals: [
        'Definere budskap og målgrupper i bedrift og personmarkedet samt kommunikasjonskanaler',
        'Vurdere kritiske faktorer for å få til felles markedsarbeid mellom kommunene i regionen',
        'Vurdering av pågående markedsaktiviteter i regionen og muligheten for sterkere samspill mellom dem',
        'Utvikle en skissemessig og kostnadsberegnet markedsplan for regionen og for hver av de deltakende kommunene',
      ],
      contributionNote:
        'Administrativ koordinering. Ekstern bistand (ca kr 2-300.000) finansieres av de kommunene som ønsker å delta.',
    }),
    entry({
      id: '4.1',
      name: 'Samhandling kommune og næringsliv',
      area: AREA_4,
      owner: 'SNR',
      partners: ['Kommunene', 'de lokale næringsforeningene'],
      goals: [
        'Etablering og effektivisering av kommunevise møteplasser mellom bedrifter og kommuner i hele regionen',
        'Arrangere årlig næringslivskonferanse i regionen i samarbeid med andre utviklingsaktører',
      ],
      contributionNote: 'Administrativ koordinering',
    }),
    entry({
      name: 'Koordinering, drift',
      kind: 'operations',
      budgetLine: 'Koordinering, drift',
      aliases: ['Koordinering'],
    }),
    entry({ name: 'Diverse', kind: 'operations', budgetLine: 'Diverse' }),
  ];
  const sources: FundingSource[] = [
    { name: 'SNR', kind: 'own', aliases: ['Samarbeidsrådet for Nedre Romerike'] },
    { name: 'Bruk fond SNR', kind: 'own', aliases: ['Fond SNR'] },
    { name: 'Innovasjon Norge', kind: 'external', aliases: [] },
    { name: 'Akershus fylkeskommune', kind: 'external', aliases: ['AFK'] },
    { name: 'SNRs bidrag', kind: 'memo', aliases: [] },
  ];
  return { formatVersion: REGISTER_FORMAT_VERSION, entries, sources };
}

const AMOUNT = '#,##0';

/** Budget lines for 2010, in the seed's order (section 4). */
export const SAMPLE_BUDGET_2010: readonly (readonly [string, number])[] = [
  ['Koordinering, drift', 700_000],
  ['Energi og miljø', 100_000],
  ['Interreg prosjekt FEM', 150_000],
  ['Helsesdesign Arena', 200_000],
  ['Reiselivet', 100_000],
  ['Etablerertjenesten', 980_000],
  ['Regional Innovasjonsprosjekt', 800_000],
  ['Akkvisisjon', 300_000],
  ['Diverse', 100_000],
];

function budgetSheet(): SheetModel {
  const cells: CellModel[] = [
    { row: 0, col: 0, value: 'Post', bold: true },
    { row: 0, col: 1, value: 'Budsjett 2010', bold: true, horizontalAlignment: 'right' },
  ];
  SAMPLE_BUDGET_2010.forEach(([label, kr], i) => {
    cells.push({ row: 1 + i, col: 0, value: label }, { row: 1 + i, col: 1, value: kr, numberFormat: AMOUNT });
  });
  const sumRow = 1 + SAMPLE_BUDGET_2010.length;
  cells.push(
    { row: sumRow, col: 0, value: 'Sum', bold: true },
    { row: sumRow, col: 1, value: 3_430_000, numberFormat: AMOUNT, bold: true },
  );
  return {
    name: 'Budsjett',
    cells,
    columnWidths: [
      { col: 0, width: 32 },
      { col: 1, width: 16 },
    ],
  };
}

function financingSheet(): SheetModel {
  type Row = { label: string; kr?: number; indent?: number; bold?: boolean; italic?: boolean };
  const rows: Row[] = [
    { label: 'SNR', kr: 1_500_000 },
    { label: 'Innovasjon Norge,' },
    { label: 'Etablerertjenester', kr: 980_000, indent: 1 },
    { label: 'Akershus Fylkeskommune:' },
    { label: 'Regional Innovasjon', kr: 400_000, indent: 1 },
    { label: 'Helsesdesign', kr: 200_000, indent: 1 },
    { label: 'Bruk fond SNR', kr: 350_000 },
    { label: 'SUM', kr: 3_430_000, bold: true },
    { label: 'SNRs bidrag', kr: 1_850_000, italic: true },
  ];
  const cells: CellModel[] = [
    { row: 0, col: 0, value: 'Kilde', bold: true },
    { row: 0, col: 1, value: 'Budsjett 2010', bold: true, horizontalAlignment: 'right' },
  ];
  rows.forEach((r, i) => {
    cells.push({ row: 1 + i, col: 0, value: r.label, indent: r.indent, bold: r.bold, italic: r.italic });
    if (r.kr !== undefined)
      cells.push({ row: 1 + i, col: 1, value: r.kr, numberFormat: AMOUNT, bold: r.bold, italic: r.italic });
  });
  cells.push({
    row: rows.length + 2,
    col: 0,
    value: 'Mrk. Finansiering SNP 2009 er kr 1.810.000',
    italic: true,
  });
  return {
    name: 'Finansiering',
    cells,
    columnWidths: [
      { col: 0, width: 32 },
      { col: 1, width: 16 },
    ],
  };
}

/** The sample workbook: `Budsjett`, `Finansiering` and the hidden `Prosjektregister`. */
export function sampleWorkbookModel(): WorkbookModel {
  return { sheets: [budgetSheet(), financingSheet(), registerSheetModel(sampleRegister())] };
}
