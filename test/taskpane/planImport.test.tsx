/**
 * "Les inn handlingsplanen" in the pane: choose the seed plan (.docx), review what was read (the
 * uncertain fields marked, each field's source text on focus), edit the register it makes, write
 * the register and the budget and financing sheets the workbook lacks, and reconcile; against a
 * workbook with a register, the difference with a choice per change; a file that is no plan.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { WorkbookModel } from '../../src/domain/model';
import { textToBlocks } from '../../src/domain/plan';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import { REGISTER_SHEET, type Register } from '../../src/domain/register/types';
import { ExcelFailure, type RegisterWriteOptions } from '../../src/excel/gateway';
import type { Outputs } from '../../src/domain/outputs';
import { HANDLINGSPLAN_2010_2011 } from '../../src/sample/handlingsplanText';
import { sampleRegister } from '../../src/sample/sampleWorkbook';
import { planDocx } from '../helpers/planDocx';
import { readOf, stubGateway, type StubGateway } from './helpers';
import { renderPane, withRegister } from './registerFixtures';

/** A gateway over `initial` whose writes change what the next read sees, as Excel's would. */
function workbookGateway(initial: WorkbookModel): StubGateway & { model(): WorkbookModel } {
  let model = initial;
  let current = readOf(model);
  const gateway = stubGateway(model);
  gateway.read.mockImplementation(async () => current);
  gateway.listSheets.mockImplementation(async () => current.sheets);
  gateway.writeOutputs.mockImplementation(async (outputs: Outputs) => {
    for (const { sheet } of outputs.sheets) {
      if (model.sheets.some((s) => s.name.toLowerCase() === sheet.name.toLowerCase()))
        throw new ExcelFailure('office', 'taken', 'ItemAlreadyExists');
    }
    model = { sheets: [...model.sheets, ...outputs.sheets.map((s) => s.sheet)] };
    current = readOf(model);
    return { sheets: outputs.sheets.map((s) => s.sheet.name), leftOut: [], syncs: 2 };
  });
  gateway.writeRegister.mockImplementation(async (register: Register, options: RegisterWriteOptions) => {
    if (options.basedOn !== current.registerFingerprint) throw new ExcelFailure('changed', 'changed');
    model = {
      sheets: [...model.sheets.filter((s) => s.name !== REGISTER_SHEET), registerSheetModel(register)],
    };
    current = readOf(model);
    return { fingerprint: current.registerFingerprint ?? '', syncs: 2 };
  });
  return Object.assign(gateway, { model: () => model });
}

const seedDocx = () =>
  new File(
    [planDocx(textToBlocks(HANDLINGSPLAN_2010_2011)) as Uint8Array<ArrayBuffer>],
    'handlingsplan.docx',
    {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
  );

/** An empty workbook, as a finance officer starts: no budget, no financing, no register. */
const emptyWorkbook = (): WorkbookModel => ({ sheets: [{ name: 'Ark1', cells: [] }] });

test('from the empty workbook: choose the .docx, review, edit, write the register and both sheets, reconcile', async () => {
  const gateway = workbookGateway(emptyWorkbook());
  const { user, t } = renderPane(gateway);
  // The empty-workbook screen offers it.
  await user.click(await screen.findByRole('button', { name: t.plan.open }));
  const panel = (await screen.findByRole('heading', { level: 2, name: t.plan.heading })).closest(
    'section',
  ) as HTMLElement;
  await user.upload(within(panel).getByLabelText(t.plan.fileLabel), seedDocx());

  // The review: what was found, said in the live region too.
  await within(panel).findByRole('heading', { name: 'handlingsplan.docx' });
  const found = within(panel).getAllByText(/^Fant 11 prosjekter og 5 kilder\./);
  expect(found.length).toBe(2);
  expect(within(panel).getByRole('status')).toHaveTextContent(/felt er usikre og merket/);
  expect(within(panel).getByText(/DUPLICATE|1\.3 er brukt flere ganger/)).toBeInTheDocument();
  const projects = within(panel).getByRole('region', { name: t.plan.projectsHeading });
  // A project with an uncertain field carries the count before it is opened; opened, the field
  // is marked in words and its source text is shown on keyboard focus.
  const uncertainBadge = within(projects).getAllByText(/usikre felt$/)[0];
  const item = uncertainBadge.closest('li') as HTMLElement;
  await user.click(within(item).getAllByRole('button')[0]);
  expect(within(item).getAllByText(t.plan.uncertain).length).toBeGreaterThan(0);
  const where = within(item).getAllByRole('button', { name: /^avsnitt \d+$/ })[0];
  // By keyboard: from the project's button, Tab reaches its first field's source.
  await user.tab();
  expect(where).toHaveFocus();
  expect(await screen.findByRole('tooltip')).toHaveTextContent(/^Fra dokumentet: «/);
  expect(within(panel).getByRole('table', { name: t.plan.budgetHeading })).toHaveTextContent('3 430 000');
  expect(within(panel).getByRole('table', { name: t.plan.financingHeading })).toHaveTextContent(
    'Innovasjon Norge',
  );
  expect(within(panel).getByRole('region', { name: t.plan.sourcesHeading })).toHaveTextContent('SNRs bidrag');

  // Edit with the register editor itself: nothing goes to Excel yet.
  await user.click(within(panel).getByRole('button', { name: t.plan.editToggle }));
  await user.click(within(panel).getByRole('button', { name: t.reg.editWhat('3.1 Akkvisisjon') }));
  const owner = within(panel).getByRole('textbox', { name: t.reg.field.owner });
  await user.clear(owner);
  await user.type(owner, 'Lillestrøm kommune');
  await user.click(within(panel).getByRole('button', { name: t.reg.save }));
  expect(gateway.writeRegister).not.toHaveBeenCalled();

  await user.click(within(panel).getByRole('button', { name: t.plan.write }));
  await screen.findByRole('heading', { name: t.findingsHeading });
  // One write of both sheets, then the register; the edit is in it.
  expect(gateway.writeOutputs).toHaveBeenCalledTimes(1);
  expect(gateway.writeOutputs.mock.calls[0][0].sheets.map((s) => s.sheet.name)).toEqual([
    'Budsjett',
    'Finansiering',
  ]);
  const written = gateway.writeRegister.mock.calls[0][0];
  expect(written.entries.find((e) => e.id === '3.1')?.owner).toBe('Lillestrøm kommune');
  expect(gateway.writeRegister.mock.calls[0][1]).toEqual({ basedOn: null });
  // Reconciled on what was written: the worked example's findings.
  await screen.findAllByText(/Handlingsplanen er lest inn: \d+ poster og 5 kilder/);
  expect(screen.getAllByText('DUPLICATE_ID').length).toBeGreaterThan(0);
  expect(screen.getAllByText('CONTRIBUTION_MISMATCH').length).toBe(2);
});

test('a workbook with a register: the difference is shown, and only the ticked changes are written', async () => {
  const base = sampleRegister();
  const mine: Register = {
    ...base,
    entries: [
      // 4.1 left out: new in the plan. 1.2's owner changed: the plan differs.
      ...base.entries
        .filter((e) => e.id !== '4.1')
        .map((e) =>
          e.id === '1.2' ? { ...e, owner: 'Noen andre', aliases: [...e.aliases, 'Helse-design'] } : e,
        ),
      { ...base.entries[0], id: '9.9', name: 'Bare i arbeidsboken', aliases: [] },
    ],
  };
  const gateway = workbookGateway(withRegister(mine));
  const { user, t } = renderPane(gateway);
  await user.click(screen.getByRole('button', { name: t.reconcile }));
  await screen.findByRole('heading', { name: t.findingsHeading });
  await user.click(screen.getByRole('button', { name: t.reg.toggle }));
  await user.click(await screen.findByRole('button', { name: t.plan.open }));
  const panel = (await screen.findByRole('heading', { level: 2, name: t.plan.heading })).closest(
    'section',
  ) as HTMLElement;
  await user.upload(within(panel).getByLabelText(t.plan.fileLabel), seedDocx());
  const diff = await within(panel).findByRole('region', { name: t.plan.diffHeading });
  const take41 = within(diff).getByRole('checkbox', { name: /^Ta med Ny: 4\.1 / });
  const take12 = within(diff).getByRole('checkbox', { name: /^Ta med Endret: 1\.2 / });
  expect(take41).toBeChecked();
  expect(take12).toBeChecked();
  expect(diff).toHaveTextContent('Endret: Prosjekteier');
  expect(diff).toHaveTextContent('Bare i arbeidsboken: 9.9 Bare i arbeidsboken. Blir stående.');
  await user.click(take12);

  await user.click(within(panel).getByRole('button', { name: /^Ta med \d+ endring/ }));
  await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalled());
  // The workbook has its budget and financing sheets: none is written.
  expect(gateway.writeOutputs).not.toHaveBeenCalled();
  const written = gateway.writeRegister.mock.calls[0][0];
  expect(written.entries.filter((e) => e.id === '4.1')).toHaveLength(1);
  const e12 = written.entries.find((e) => e.id === '1.2')!;
  expect(e12.owner).toBe('Noen andre');
  expect(e12.aliases).toContain('Helse-design');
  expect(written.entries.some((e) => e.id === '9.9')).toBe(true);
  await screen.findAllByText(/Handlingsplanen er lest inn/);
});

test('a file that is no plan is refused in one line, and pasted text is read as a .txt is', async () => {
  const { user, t } = renderPane(workbookGateway(emptyWorkbook()));
  await user.click(await screen.findByRole('button', { name: t.plan.open }));
  const panel = (await screen.findByRole('heading', { level: 2, name: t.plan.heading })).closest(
    'section',
  ) as HTMLElement;
  await user.upload(
    within(panel).getByLabelText(t.plan.fileLabel),
    new File(['Handleliste\nmelk\nbrød\n'], 'notater.txt', { type: 'text/plain' }),
  );
  expect(await within(panel).findByRole('alert')).toHaveTextContent(
    'notater.txt ser ikke ut som en handlingsplan: fant ingen nummererte prosjektoverskrifter',
  );
  await user.click(within(panel).getByRole('textbox', { name: t.plan.pasteLabel }));
  await user.paste(HANDLINGSPLAN_2010_2011);
  await user.click(within(panel).getByRole('button', { name: t.plan.readPasted }));
  await within(panel).findByRole('heading', { name: t.plan.pastedName });
  expect(within(panel).getAllByText(/^Fant 11 prosjekter og 5 kilder\./).length).toBeGreaterThan(0);
});
