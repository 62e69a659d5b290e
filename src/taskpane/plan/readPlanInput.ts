/**
 * An action plan the user chose, dropped or pasted, read as the CLI's `from-plan` reads a file:
 * a .docx by its content (a zip), an OLE file refused as an encrypted document or an old .doc,
 * anything else as text (UTF-8, else Windows-1252). A file without numbered project headings is
 * refused as no plan, rather than giving an empty register. The refusal is one line, the CLI's.
 */
import type { Lang } from '../../domain/messages';
import { readPlan, type PlanBlock, type PlanReading } from '../../domain/plan';
import { textToBlocks } from '../../domain/plan/text';
import { decodeImportBytes } from '../../domain/register/codec/bytes';
import { docxToBlocks } from '../../plan/docx';
import { planInputMessage } from '../../plan/messages';
import { PackageError } from '../../xlsx/package/guard';

export type PlanInput =
  | { readonly status: 'read'; readonly reading: PlanReading; readonly name: string }
  | { readonly status: 'refused'; readonly message: string; readonly name: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

function fromBlocks(blocks: () => PlanBlock[], name: string, lang: Lang): PlanInput {
  try {
    const reading = readPlan(blocks());
    if (reading.projects.length === 0) {
      return { status: 'refused', message: planInputMessage('not-plan', name, lang), name };
    }
    return { status: 'read', reading, name };
  } catch (e) {
    if (e instanceof PackageError) {
      return { status: 'refused', message: planInputMessage(e.reason, name, lang, e.detail), name };
    }
    throw e;
  }
}

/** A chosen or dropped file's bytes. */
export function readPlanBytes(bytes: Uint8Array, name: string, lang: Lang): PlanInput {
  if (startsWith(bytes, OLE)) {
    return { status: 'refused', message: planInputMessage('not-zip', name, lang, 'ole'), name };
  }
  if (startsWith(bytes, ZIP) || /\.docx$/i.test(name))
    return fromBlocks(() => docxToBlocks(bytes), name, lang);
  // Text with NUL bytes is a binary file of some other kind (a PDF, an image), not a plan.
  if (bytes.subarray(0, 4096).includes(0)) {
    return { status: 'refused', message: planInputMessage('not-plan', name, lang), name };
  }
  return fromBlocks(() => textToBlocks(decodeImportBytes(bytes)), name, lang);
}

/** Text pasted into the pane; `name` is how a refusal names it. */
export function readPlanPasted(text: string, name: string, lang: Lang): PlanInput {
  return fromBlocks(() => textToBlocks(text), name, lang);
}
