/**
 * Every line the CLI itself prints, in bokmål and English (the language of
 * `--lang`, else of the locale). Findings and file refusals have their own
 * texts (domain/messages.ts, xlsx/messages.ts); these are the command's.
 */
import type { Catalog } from '../domain/messages';

export interface CliText {
  /** The whole help (`--help`), on stdout. */
  readonly help: string;
  /** What a bare `plan-reconciler` prints: what to run, and where the rest is. */
  readonly short: string;
  /** Appended to a usage error. */
  readonly seeHelp: string;
  readonly needsValue: (flag: string) => string;
  /** `--json=x`: an option that is on or off given a value. */
  readonly takesNoValue: (flag: string) => string;
  readonly unknownOption: (option: string) => string;
  readonly unknownCommand: (command: string) => string;
  readonly badLang: (value: string) => string;
  readonly badYear: (value: string) => string;
  readonly sampleArgs: string;
  readonly sampleNoOptions: string;
  readonly reconcileArgs: string;
  readonly mustEndXlsx: (out: string) => string;
  readonly mustEndXlsxOrXlsm: (out: string) => string;
  readonly mustEndXlsm: (out: string) => string;
  readonly outIsInput: (out: string) => string;
  readonly sameSheet: (name: string) => string;
  readonly wrote: (out: string) => string;
  readonly wroteSheets: (out: string, sheets: readonly string[]) => string;
  readonly cannotWrite: (path: string, why: string | undefined) => string;
  readonly cannotWriteWorkbook: (path: string, detail: string) => string;
  readonly internalError: (detail: string) => string;
  /** Why a file cannot be opened or written, by Node's error code. */
  readonly fileReason: (code: string | undefined) => string | undefined;
  readonly registerArgs: string;
  readonly registerUnknown: (sub: string) => string;
  readonly registerNoFlag: (command: string, flag: string) => string;
  readonly exportArgs: string;
  readonly badFormat: (value: string) => string;
  readonly exportOutIsInput: (out: string) => string;
  readonly exportOutIsWorkbook: (out: string) => string;
  readonly importArgs: string;
  readonly importNeedsOut: string;
  readonly importOutIsFile: (out: string) => string;
  readonly fileNotFound: (file: string) => string;
  readonly cannotRead: (file: string, why: string) => string;
  readonly wroteRegister: (out: string, replaced: boolean, entries: number, sources: number) => string;
  readonly rangeAsMin: (entry: string) => string;
  readonly newerRegister: (sheet: string, version: string, writes: number) => string;
  readonly fromPlanArgs: string;
  readonly fromPlanNeedsOut: string;
  readonly replaceNeedsInto: string;
  readonly intoHasRegister: (file: string, sheet: string) => string;
  /** A plan without budget and financing tables has only the (very hidden) register to write. */
  readonly planNoTables: (file: string) => string;
  readonly keptSheet: (sheet: string) => string;
  /** from-plan's summary on stderr: what was read, each table as `planTable` says it. */
  readonly planRead: (projects: number, sources: number, budget: string, financing: string) => string;
  /** A table the plan reader found (its years, its rows), or did not (null). */
  readonly planTable: (
    table: 'budget' | 'financing',
    found: { readonly years: string; readonly rows: number } | null,
  ) => string;
  /** The heading above what the plan reader could not read, or read with doubt. */
  readonly planUnread: (count: number) => string;
  /** `explain` and `sign-off` (review.ts). */
  readonly commandNoFlag: (command: string, flag: string) => string;
  readonly explainArgs: string;
  readonly explainNeedsReason: string;
  readonly explainNeedsBy: string;
  readonly needsOut: (command: string) => string;
  /** A key no finding of the workbook has: a few of those it has, and where to see them all. */
  readonly unknownKey: (key: string, known: string, input: string) => string;
  readonly noFindings: (input: string) => string;
  /** The review log cannot be written by this version: the first problem says why. */
  readonly reviewReadOnly: (problem: string) => string;
  readonly wroteExplanation: (out: string, key: string, sheet: string) => string;
  readonly signOffArgs: string;
  readonly signOffNeedsName: string;
  /** Under a refused sign-off: the open errors' keys follow, one a line. */
  readonly openErrorKeys: string;
  readonly wroteSignOff: (out: string, by: string, sheet: string) => string;
}

const NB_TABLE = { budget: 'budsjett', financing: 'finansiering' } as const;
const EN_TABLE = { budget: 'budget', financing: 'financing' } as const;

const NB: CliText = {
  help: `Bruk:
  plan-reconciler sample UT.xlsx
      Skriver eksempelarbeidsboken (handlingsplanen 2010–2011 for Nedre Romerike).
  plan-reconciler reconcile INN.xlsx [--out UT.xlsx] [--year ÅR] [--json] [--strict]
                                     [--lang nb|en] [--budget-sheet NAVN]
                                     [--financing-sheet NAVN]
      Avstemmer budsjett, finansiering og prosjektregister i INN.xlsx.
      --out skriver en kopi av INN.xlsx med avstemmingsarket, prosjektkortene og
      sammendraget lagt til (eller byttet ut, når UT ble laget slik); INN.xlsx
      endres aldri. Sammendraget har et stolpediagram av budsjettet etter
      innsatsområde.
      Hvert funn er åpent, forklart eller endret etter forklaringen (se --json).
      --strict: forklarte feil gir også avslutningskode 1.
      Avslutningskode 0: ingen feil funnet, eller bare forklarte; 1: åpne feil funnet
      (med --strict også forklarte); 2: kunne ikke kjøre.
  plan-reconciler explain INN.xlsx NØKKEL --reason "…" [--by NAVN] --out UT.xlsx [--lang nb|en]
      Forklarer funnet med NØKKEL (som reconcile --json gir den) og skriver en kopi av
      INN.xlsx med forklaringen lagt til i avstemmingsloggen (et skjult ark). --by er
      navnet som lagres (ellers brukernavnet ditt). Et forklart funn er ikke lenger åpent,
      til tallene det gjelder endres.
  plan-reconciler sign-off INN.xlsx --name "…" --out UT.xlsx [--lang nb|en]
      Godkjenner avstemmingen og skriver en kopi av INN.xlsx med godkjenningen i
      avstemmingsloggen. Nektes, med avslutningskode 1, så lenge en feil er åpen.
      reconcile sier siden om budsjett, finansiering eller register er endret etterpå.
      explain og sign-off leser INN.xlsx som reconcile (også --budget-sheet og
      --financing-sheet).
  plan-reconciler register export INN.xlsx [--format json|csv] [--out FIL] [--lang nb|en]
      Skriver prosjektregisteret i INN.xlsx som JSON eller CSV (UTF-8; CSV-filen har BOM
      og ';' mellom feltene, og åpnes i norsk Excel). Format: --format, ellers etter
      endelsen til --out, ellers CSV. Skrives til standard ut uten --out.
  plan-reconciler register import INN.xlsx FIL --out UT.xlsx [--lang nb|en]
      Leser et register fra FIL (JSON eller CSV, etter endelse eller innhold) og skriver
      en kopi av INN.xlsx med det som register (registerarket byttet ut på samme plass,
      eller lagt til skjult). Hver feil linje i FIL meldes som FIL:LINJE: melding, og
      ingenting skrives. INN.xlsx endres aldri.
  plan-reconciler from-plan PLAN.docx|PLAN.txt --out UT.xlsx [--into ARBEIDSBOK.xlsx]
                                     [--replace-register] [--lang nb|en]
      Leser handlingsplanen (Word eller ren tekst) og skriver en arbeidsbok med
      prosjektregisteret (skjult) og ark for budsjett og finansiering. --into legger dem
      til i en kopi av ARBEIDSBOK.xlsx (ark den har, beholdes; et register der byttes ut
      bare med --replace-register). Det som ikke kunne leses, listes på standard feil.
  plan-reconciler --help | --version
`,
  short: `Bruk: plan-reconciler reconcile INN.xlsx [--out UT.xlsx] [--lang nb|en]
plan-reconciler --help viser alle kommandoer og valg.
`,
  seeHelp: 'se plan-reconciler --help',
  needsValue: (f) => `${f} trenger en verdi`,
  takesNoValue: (f) => `${f} tar ingen verdi`,
  unknownOption: (o) => `ukjent valg ${o}`,
  unknownCommand: (c) => `ukjent kommando ${c}`,
  badLang: (v) => `--lang må være nb eller en, ikke ${v}`,
  badYear: (v) => `--year må være et årstall som 2010, ikke ${v}`,
  sampleArgs: 'sample tar ett argument: UT.xlsx',
  sampleNoOptions: 'sample tar ingen valg',
  reconcileArgs: 'reconcile tar ett argument: INN.xlsx',
  mustEndXlsx: (o) => `filen som skrives må slutte på .xlsx: ${o}`,
  mustEndXlsxOrXlsm: (o) => `filen som skrives må slutte på .xlsx (eller .xlsm): ${o}`,
  mustEndXlsm: (o) =>
    `arbeidsboken har makroer, som kopien beholder: filen som skrives må slutte på .xlsm: ${o}`,
  outIsInput: (o) => `--out kan ikke være filen som leses (${o}); INN.xlsx endres aldri`,
  sameSheet: (n) =>
    `--budget-sheet og --financing-sheet peker på samme ark («${n}»): budsjett og finansiering må være to forskjellige ark`,
  wrote: (o) => `skrev ${o}`,
  wroteSheets: (o, sheets) => `skrev ${o} (${sheets.join(', ')})`,
  cannotWrite: (p, why) => `Kan ikke skrive filen ${p}${why ? ` (${why})` : ''}`,
  cannotWriteWorkbook: (p, d) => `Kan ikke skrive ${p}: arbeidsboken kan ikke få arkene lagt til (${d})`,
  internalError: (d) => `uventet feil, som bør meldes til utviklerne: ${d}`,
  fileReason: (code) =>
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'mappen finnes ikke'
      : code === 'EISDIR'
        ? 'det er en mappe'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'ingen tilgang'
          : code === 'ENOSPC'
            ? 'disken er full'
            : code,
  registerArgs: 'register trenger export eller import',
  registerUnknown: (s) => `ukjent register-kommando ${s}`,
  registerNoFlag: (c, f) => `register ${c} tar ikke ${f}`,
  exportArgs: 'register export tar ett argument: INN.xlsx',
  badFormat: (v) => `--format må være json eller csv, ikke ${v}`,
  exportOutIsInput: (o) => `--out kan ikke være filen som leses (${o})`,
  exportOutIsWorkbook: (o) => `--out er JSON- eller CSV-filen som skal skrives, ikke en arbeidsbok: ${o}`,
  importArgs: 'register import tar to argumenter: INN.xlsx FIL',
  importNeedsOut: 'register import trenger --out UT.xlsx (INN.xlsx endres aldri)',
  importOutIsFile: (o) => `--out kan ikke være registerfilen (${o})`,
  fileNotFound: (f) => `Finner ikke filen: ${f}`,
  cannotRead: (f, why) => `Kan ikke lese ${f} (${why})`,
  wroteRegister: (o, replaced, e, s) =>
    `skrev ${o} (registeret ${replaced ? 'byttet ut' : 'lagt til'}: ${e} oppføringer, ${s} kilder)`,
  rangeAsMin: (e) =>
    `plan-reconciler: ${e}: beløpsintervallet kan ikke skrives som tekst i registerarket; det laveste beløpet er skrevet`,
  newerRegister: (sheet, v, w) =>
    `Registeret i arket ${sheet} har formatversjon ${v}, nyere enn denne versjonen skriver (${w}); det er ikke endret`,
  fromPlanArgs: 'from-plan trenger én plan: plan-reconciler from-plan PLAN.docx --out UT.xlsx',
  fromPlanNeedsOut: 'from-plan trenger --out UT.xlsx',
  replaceNeedsInto: '--replace-register gjelder bare sammen med --into',
  intoHasRegister: (f, sheet) =>
    `${f} har allerede et prosjektregister (arket ${sheet}); bruk --replace-register for å bytte det ut`,
  keptSheet: (sheet) => `arket ${sheet} finnes fra før og er beholdt som det er`,
  planNoTables: (f) =>
    `${f} har ingen budsjett- eller finansieringstabell, og en ny arbeidsbok trenger minst ett synlig ark: legg prosjektregisteret inn i arbeidsboken deres med --into ARBEIDSBOK.xlsx`,
  planRead: (p, s, budget, financing) =>
    `Leste ${p} ${p === 1 ? 'prosjekt' : 'prosjekter'}, ${s} ${s === 1 ? 'kilde' : 'kilder'}, ${budget}, ${financing}`,
  planTable: (table, found) =>
    found
      ? `${NB_TABLE[table]} ${found.years} (${found.rows} ${found.rows === 1 ? 'rad' : 'rader'})`
      : `ingen ${NB_TABLE[table]}`,
  planUnread: (n) => `Ikke lest eller usikkert (${n})`,
  commandNoFlag: (c, f) => `${c} tar ikke ${f}`,
  explainArgs: 'explain tar to argumenter: INN.xlsx NØKKEL',
  explainNeedsReason: 'explain trenger --reason "begrunnelse"',
  explainNeedsBy: 'fant ikke brukernavnet ditt: oppgi navnet med --by NAVN',
  needsOut: (c) => `${c} trenger --out UT.xlsx (INN.xlsx endres aldri)`,
  unknownKey: (key, known, input) =>
    `${input} har ikke noe funn med nøkkelen ${key}. Funn der: ${known} (alle: plan-reconciler reconcile ${input} --json)`,
  noFindings: (input) => `${input} har ingen funn å forklare`,
  reviewReadOnly: (problem) => `Avstemmingsloggen kan ikke endres av denne versjonen: ${problem}`,
  wroteExplanation: (o, key, sheet) => `skrev ${o} (forklaring av ${key} lagt til i ${sheet})`,
  signOffArgs: 'sign-off tar ett argument: INN.xlsx',
  signOffNeedsName: 'sign-off trenger --name "navn"',
  openErrorKeys: 'Åpne feil:',
  wroteSignOff: (o, by, sheet) => `skrev ${o} (godkjent av ${by}, lagt til i ${sheet})`,
};

const EN: CliText = {
  help: `Usage:
  plan-reconciler sample OUT.xlsx
      Write the sample workbook (Nedre Romerike's 2010–2011 action plan).
  plan-reconciler reconcile IN.xlsx [--out OUT.xlsx] [--year Y] [--json] [--strict]
                                    [--lang nb|en] [--budget-sheet NAME]
                                    [--financing-sheet NAME]
      Reconcile budget, financing and the project register of IN.xlsx.
      --out writes a copy of IN.xlsx with the reconciliation sheet, the project
      cards and the summary added (or replaced, when OUT was made this way);
      IN.xlsx is never changed. The summary has a column chart of the budget
      by focus area.
      Each finding is open, explained, or changed since explained (see --json).
      --strict: explained errors also give exit code 1.
      Exit code 0: no errors found, or only explained ones; 1: open errors found
      (with --strict, explained ones too); 2: could not run.
  plan-reconciler explain IN.xlsx KEY --reason "…" [--by NAME] --out OUT.xlsx [--lang nb|en]
      Explain the finding with KEY (as reconcile --json gives it) and write a copy of
      IN.xlsx with the explanation added to the review log (a hidden sheet). --by is the
      name stored (else your user name). An explained finding is no longer open, until
      the figures it is about change.
  plan-reconciler sign-off IN.xlsx --name "…" --out OUT.xlsx [--lang nb|en]
      Sign off the reconciliation and write a copy of IN.xlsx with the sign-off in the
      review log. Refused, with exit code 1, while an error is open. reconcile then
      says whether the budget, financing or register changed afterwards.
      explain and sign-off read IN.xlsx as reconcile does (--budget-sheet and
      --financing-sheet too).
  plan-reconciler register export IN.xlsx [--format json|csv] [--out FILE] [--lang nb|en]
      Write the project register of IN.xlsx as JSON or CSV (UTF-8; the CSV has a BOM,
      ';' between fields, and opens in Norwegian Excel). Format: --format, else by
      the extension of --out, else CSV. Written to stdout unless --out is given.
  plan-reconciler register import IN.xlsx FILE --out OUT.xlsx [--lang nb|en]
      Read a register from FILE (JSON or CSV, by extension or content) and write a
      copy of IN.xlsx with it as the register (the register sheet replaced in place,
      or added hidden). Any bad line of FILE is reported as FILE:LINE: message and
      nothing is written. IN.xlsx is never changed.
  plan-reconciler from-plan PLAN.docx|PLAN.txt --out OUT.xlsx [--into WORKBOOK.xlsx]
                                     [--replace-register] [--lang nb|en]
      Reads the action plan (Word or plain text) and writes a workbook with the project
      register (hidden) and budget and financing sheets. --into adds them to a copy of
      WORKBOOK.xlsx (sheets it has are kept; a register there is replaced only with
      --replace-register). What could not be read is listed on standard error.
  plan-reconciler --help | --version
`,
  short: `Usage: plan-reconciler reconcile IN.xlsx [--out OUT.xlsx] [--lang nb|en]
plan-reconciler --help lists every command and option.
`,
  seeHelp: 'see plan-reconciler --help',
  needsValue: (f) => `${f} needs a value`,
  takesNoValue: (f) => `${f} does not take a value`,
  unknownOption: (o) => `unknown option ${o}`,
  unknownCommand: (c) => `unknown command ${c}`,
  badLang: (v) => `--lang must be nb or en, not ${v}`,
  badYear: (v) => `--year must be a year such as 2010, not ${v}`,
  sampleArgs: 'sample takes one argument: OUT.xlsx',
  sampleNoOptions: 'sample takes no options',
  reconcileArgs: 'reconcile takes one argument: IN.xlsx',
  mustEndXlsx: (o) => `the output file must end in .xlsx: ${o}`,
  mustEndXlsxOrXlsm: (o) => `the output file must end in .xlsx (or .xlsm): ${o}`,
  mustEndXlsm: (o) =>
    `the workbook has macros, which the copy keeps: the output file must end in .xlsm: ${o}`,
  outIsInput: (o) => `--out must not be the input file (${o}); IN.xlsx is never changed`,
  sameSheet: (n) =>
    `--budget-sheet and --financing-sheet name the same sheet («${n}»): the budget and the financing must be two different sheets`,
  wrote: (o) => `wrote ${o}`,
  wroteSheets: (o, sheets) => `wrote ${o} (${sheets.join(', ')})`,
  cannotWrite: (p, why) => `Cannot write the file ${p}${why ? ` (${why})` : ''}`,
  cannotWriteWorkbook: (p, d) => `Cannot write ${p}: the sheets cannot be added to this workbook (${d})`,
  internalError: (d) => `unexpected error, which should be reported to the developers: ${d}`,
  fileReason: (code) =>
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'the folder does not exist'
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'no permission'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : code,
  registerArgs: 'register needs export or import',
  registerUnknown: (s) => `unknown register command ${s}`,
  registerNoFlag: (c, f) => `register ${c} does not take ${f}`,
  exportArgs: 'register export takes one argument: IN.xlsx',
  badFormat: (v) => `--format must be json or csv, not ${v}`,
  exportOutIsInput: (o) => `--out must not be the input file (${o})`,
  exportOutIsWorkbook: (o) => `--out is the JSON or CSV file to write, not a workbook: ${o}`,
  importArgs: 'register import takes two arguments: IN.xlsx FILE',
  importNeedsOut: 'register import needs --out OUT.xlsx (IN.xlsx is never changed)',
  importOutIsFile: (o) => `--out must not be the register file (${o})`,
  fileNotFound: (f) => `File not found: ${f}`,
  cannotRead: (f, why) => `Cannot read ${f} (${why})`,
  wroteRegister: (o, replaced, e, s) =>
    `wrote ${o} (register ${replaced ? 'replaced' : 'added'}: ${e} entries, ${s} sources)`,
  rangeAsMin: (e) =>
    `plan-reconciler: ${e}: the contribution range cannot be written as text in the register sheet; its lowest amount was written`,
  newerRegister: (sheet, v, w) =>
    `The register in sheet ${sheet} has format version ${v}, newer than this version writes (${w}); it is left unchanged`,
  fromPlanArgs: 'from-plan takes one plan: plan-reconciler from-plan PLAN.docx --out OUT.xlsx',
  fromPlanNeedsOut: 'from-plan needs --out OUT.xlsx',
  replaceNeedsInto: '--replace-register only applies with --into',
  intoHasRegister: (f, sheet) =>
    `${f} already has a project register (sheet ${sheet}); use --replace-register to replace it`,
  keptSheet: (sheet) => `sheet ${sheet} already exists and is kept as it is`,
  planNoTables: (f) =>
    `${f} has no budget or financing table, and a new workbook needs at least one visible sheet: add the project register to your workbook with --into WORKBOOK.xlsx`,
  planRead: (p, s, budget, financing) =>
    `Read ${p} ${p === 1 ? 'project' : 'projects'}, ${s} ${s === 1 ? 'source' : 'sources'}, ${budget}, ${financing}`,
  planTable: (table, found) =>
    found
      ? `${EN_TABLE[table]} ${found.years} (${found.rows} ${found.rows === 1 ? 'row' : 'rows'})`
      : `no ${EN_TABLE[table]}`,
  planUnread: (n) => `Not read or uncertain (${n})`,
  commandNoFlag: (c, f) => `${c} does not take ${f}`,
  explainArgs: 'explain takes two arguments: IN.xlsx KEY',
  explainNeedsReason: 'explain needs --reason "why"',
  explainNeedsBy: 'your user name was not found: give your name with --by NAME',
  needsOut: (c) => `${c} needs --out OUT.xlsx (IN.xlsx is never changed)`,
  unknownKey: (key, known, input) =>
    `${input} has no finding with the key ${key}. Findings there: ${known} (all of them: plan-reconciler reconcile ${input} --json)`,
  noFindings: (input) => `${input} has no findings to explain`,
  reviewReadOnly: (problem) => `The review log cannot be changed by this version: ${problem}`,
  wroteExplanation: (o, key, sheet) => `wrote ${o} (explanation of ${key} added to ${sheet})`,
  signOffArgs: 'sign-off takes one argument: IN.xlsx',
  signOffNeedsName: 'sign-off needs --name "name"',
  openErrorKeys: 'Open errors:',
  wroteSignOff: (o, by, sheet) => `wrote ${o} (signed off by ${by}, added to ${sheet})`,
};

export const CLI_TEXT: Catalog<CliText> = { nb: NB, en: EN };
