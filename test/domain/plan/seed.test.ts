/**
 * The seed plan (Nedre Romerike 2010–2011), as text and as a Word document, read into the register
 * and the two tables DOMAIN.md describes; the sample is built from that reading.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { formatNok } from '../../../src/domain/amount';
import { readPlan, readPlanText, textToBlocks, type PlanReading } from '../../../src/domain/plan';
import { planWorkbookModel } from '../../../src/domain/plan/sheets';
import { modelToSnapshot } from '../../../src/domain/modelToSnapshot';
import { reconcile } from '../../../src/domain/reconcile/reconcile';
import { docxToBlocks } from '../../../src/plan/docx';
import { HANDLINGSPLAN_2010_2011 } from '../../../src/sample/handlingsplanText';
import { SAMPLE_CURATION, sampleRegister, sampleWorkbookModel } from '../../../src/sample/sampleWorkbook';
import { planDocx } from '../../helpers/planDocx';

const SEED_TXT = readFileSync(join(__dirname, '../../../src/sample/handlingsplan-2010-2011.txt'), 'utf8');
const kr = (n: number) => n * 100;

const fromText = readPlanText(SEED_TXT);
const fromDocx = readPlan(docxToBlocks(planDocx(textToBlocks(SEED_TXT), { headingStyle: 'Overskrift' })));

describe.each([
  ['.txt', fromText],
  ['.docx', fromDocx],
])('the seed plan read from %s', (_, r: PlanReading) => {
  test('finds the 11 projects, in order, the duplicate 1.3 kept and reported', () => {
    expect(r.projects.map((p) => p.id.value)).toEqual([
      '1.1a',
      '1.1b',
      '1.2',
      '1.3',
      '1.4',
      '1.3',
      '2.1',
      '2.2',
      '3.1',
      '3.2',
      '4.1',
    ]);
    expect(r.unread.filter((u) => u.code === 'duplicateId').map((u) => u.subject)).toEqual(['1.3']);
  });

  test('reads the promised contributions and their bases as DOMAIN.md lists them', () => {
    const money = Object.fromEntries(
      r.register.entries.filter((e) => e.contribution !== null).map((e) => [e.id, [e.contribution, e.basis]]),
    );
    expect(money).toEqual({
      '1.1a': [kr(100_000), 'per år'],
      '1.1b': [kr(150_000), 'totalt'],
      '1.2': [kr(200_000), 'per år'],
      '1.3': [kr(100_000), 'per år'],
      '2.2': [kr(400_000), 'totalt'],
      '3.1': [kr(200_000), 'per år'],
    });
    // Work, not money: the note says what.
    const notes = Object.fromEntries(
      r.register.entries
        .filter((e) => e.contribution === null && e.kind === 'project')
        .map((e) => [e.name, e.contributionNote]),
    );
    expect(notes['Etablerertjeneste på Nedre Romerike']).toBe('Administrativ koordinering');
    expect(notes['Logistikknæringen']).toMatch(/^Koordineringsressurs/);
    // A contribution without `per år` or `totalt` is read as a total and marked for the user.
    expect(r.projects.find((p) => p.id.value === '2.2')!.basis.confidence).toBe('low');
    expect(r.unread.filter((u) => u.code === 'basisNotStated').map((u) => u.subject)).toEqual([
      '1.1b',
      '2.2',
    ]);
  });

  test('reads owner, role, partners, goals, phase and focus area, with where each came from', () => {
    const p = r.projects.find((x) => x.id.value === '1.2')!;
    expect(p.name.value).toBe('Helsedesign , Arena'); // the contents' spelling
    expect(p.aliases).toContain('Helse design , Arena'); // the heading's
    expect(p.phase.value).toBe('Nytt hovedprosjekt');
    expect(p.owner.value).toBe('SNR');
    expect(p.partners.value).toEqual(['Campus Kjeller', 'HiAk', 'Ahus', 'bedrifter', 'kommunene']);
    expect(p.goals.value).toEqual(['Klargjøres i forprosjektet']);
    expect(p.area.value).toBe('1 Verdiskapende klynger');
    expect(p.contribution.from?.text).toBe('SNR s bidrag: Arenaprogram kr. 200.000 pr år');
    expect(p.contributionNote.value).toBe('Arenaprogram');
    const goals = r.projects.find((x) => x.id.value === '1.4')!.goals;
    expect(goals.value).toHaveLength(3);
    // A sub-project (1.1a) takes its group's (1.1) phase, less surely.
    expect(r.projects[0].phase).toMatchObject({
      value: 'Videreføring av hovedprosjekt',
      confidence: 'medium',
    });
    // `evt. videreføring` is a phase not settled: read, and marked.
    expect(r.projects[5].phase).toMatchObject({ value: 'Videreføring av hovedprosjekt', confidence: 'low' });
  });

  test('learns the council from the document', () => {
    expect(r.council).toEqual({ short: 'SNR', full: 'Samarbeidsrådet for Nedre Romerike' });
  });

  test('reads both tables for 2010 with their stated totals of 3 430 000', () => {
    expect(r.budget!.years).toEqual([2010]);
    expect(r.financing!.years).toEqual([2010]);
    const sum = (t: PlanReading['budget']) => t!.rows.find((x) => x.role === 'sum')!.amounts[0]!;
    expect(formatNok(sum(r.budget), 'nb')).toBe('3\u00A0430\u00A0000');
    expect(sum(r.financing)).toBe(sum(r.budget));
    expect(r.budget!.rows.filter((x) => x.role === 'line')).toHaveLength(9);
    expect(r.financing!.rows.map((x) => x.role)).toEqual([
      'source',
      'groupHeader',
      'earmark',
      'groupHeader',
      'earmark',
      'earmark',
      'source',
      'sum',
      'memo',
    ]);
    expect(r.financing!.notes.map((n) => n.text)).toEqual(['Mrk. Finansiering SNP 2009 er kr 1.810.000']);
    expect(r.unread.filter((u) => u.code === 'sumDiffers' || u.code === 'amountUnreadable')).toEqual([]);
  });

  test('ties every budget line to its project or to operations', () => {
    const tied = Object.fromEntries(
      r
        .budget!.rows.filter((x) => x.role === 'line')
        .map((x) => [
          x.label,
          x.tiedTo?.kind === 'project' ? r.projects[x.tiedTo.project].id.value : x.tiedTo?.kind,
        ]),
    );
    expect(tied).toEqual({
      'Koordinering, drift': 'operations',
      'Energi og miljø': '1.1a',
      'Interreg prosjekt FEM': '1.1b',
      'Helsesdesign Arena': '1.2',
      Reiselivet: '1.3',
      Etablerertjenesten: '2.1',
      'Regional Innovasjonsprosjekt': '2.2',
      Akkvisisjon: '3.1',
      Diverse: 'operations',
    });
    // The financing's spellings become aliases of the project they fund.
    expect(r.projects.find((p) => p.id.value === '2.2')!.aliases).toContain('Regional Innovasjon');
  });

  test("decides each source's kind, and why", () => {
    expect(r.sources.map((s) => [s.name, s.kind, s.reason])).toEqual([
      ['SNR', 'own', 'addsUpToMemo'],
      ['Bruk fond SNR', 'own', 'addsUpToMemo'],
      ['Innovasjon Norge', 'external', 'groupHeader'],
      ['Akershus Fylkeskommune', 'external', 'groupHeader'],
      ['SNRs bidrag', 'memo', 'memoRow'],
    ]);
  });

  test('the workbook it makes reconciles to the worked example', () => {
    const result = reconcile(modelToSnapshot(planWorkbookModel(r)));
    const findings = result.findings.map((f) => [f.code, f.projectId ?? '', f.difference ?? null]);
    expect(findings).toEqual(
      expect.arrayContaining([
        ['DUPLICATE_ID', '1.3', null],
        ['CONTRIBUTION_MISMATCH', '1.2', kr(-200_000)],
        ['CONTRIBUTION_MISMATCH', '3.1', kr(100_000)],
        ['YEAR_OVER_YEAR', '', kr(40_000)],
      ]),
    );
    expect(result.findings).toHaveLength(4);
  });
});

test('the text the sample is read from is the shipped seed text', () => {
  expect(HANDLINGSPLAN_2010_2011).toBe(SEED_TXT);
});

test('the sample read from the seed is, cell for cell, the sample the other tests are written against', () => {
  const before = JSON.parse(
    readFileSync(join(__dirname, '../../fixtures/plan/sample-model-2010.json'), 'utf8'),
  );
  expect(JSON.parse(JSON.stringify(sampleWorkbookModel()))).toEqual(before);
});

test("the sample's curation adds aliases and puts spellings right; money, ids and kinds are the reading's", () => {
  for (const c of SAMPLE_CURATION.entries)
    expect(
      Object.keys(c.set).every((k) => ['name', 'role', 'goals', 'contributionNote', 'aliases'].includes(k)),
    ).toBe(true);
  const read = fromText.register;
  const curated = sampleRegister();
  const money = (e: (typeof read.entries)[number]) => [
    e.id,
    e.kind,
    e.contribution,
    e.basis,
    e.budgetLine,
    e.owner,
    e.area,
    e.phase,
  ];
  expect(curated.entries.map(money)).toEqual(read.entries.map(money));
  expect(curated.sources.map((s) => s.kind)).toEqual(read.sources.map((s) => s.kind));
});
