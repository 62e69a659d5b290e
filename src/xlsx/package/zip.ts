/**
 * The zip container of an .xlsx (or .xlsm) package, read as Excel reads it:
 * from the central directory at the end of the file, one part at a time, and
 * only the parts asked for. Inflating is fflate's; this file only walks the
 * directory (a few fixed-size records) so that every part can be bounded
 * before and while it is inflated: a part that inflates beyond its declared
 * size, or beyond the limits, is refused as a zip bomb, not decompressed.
 *
 * Writing goes through fflate's `zipSync`: every part is stored with the bytes
 * it is given, so a part copied from the original keeps its bytes.
 */
import { Inflate, inflateSync, Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { PackageError, type Guard } from './guard';

export interface ZipEntry {
  /** The part's name (`xl/workbook.xml`: no leading slash, `/` between folders). */
  readonly name: string;
  /** The name as stored in the zip (some writers use `\\`), kept when the part is copied. */
  readonly storedName: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** Declared size once inflated. */
  readonly size: number;
  /** Offset of the local header. */
  readonly localOffset: number;
  /** CRC-32 of the inflated bytes, as the directory declares it. */
  readonly crc: number;
  readonly encrypted: boolean;
}

export interface ZipArchive {
  readonly bytes: Uint8Array;
  /** Entries by name (directories left out), in the directory's order. */
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** The same by lower-cased name: Excel finds parts without regard to case. */
  readonly byLowerName: ReadonlyMap<string, ZipEntry>;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

const utf8 = new TextDecoder('utf-8');
/** Zip names without the UTF-8 flag are CP437; part names are ASCII, so Latin-1 reads them. */
const latin1 = new TextDecoder('latin1');

/** Reads the central directory. Throws `PackageError` (`not-zip`, `damaged`, `encrypted`, `too-large`). */
export function openZip(bytes: Uint8Array, guard: Guard): ZipArchive {
  if (bytes.length < 22 || u32(bytes, 0) !== LOCAL) throw new PackageError('not-zip');
  // The end record is within the last 22 + 65 535 (comment) bytes.
  let end = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--) {
    if (u32(bytes, o) === EOCD) {
      end = o;
      break;
    }
  }
  if (end < 0) throw new PackageError('damaged', 'no central directory');
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === EOCD64_LOCATOR) {
    const at = u64(bytes, end - 12);
    if (at + 56 <= bytes.length && u32(bytes, at) === EOCD64) {
      count = u64(bytes, at + 32);
      offset = u64(bytes, at + 48);
    }
  }
  if (count > guard.limits.maxParts) throw new PackageError('too-large', `${count} parts`);
  const entries = new Map<string, ZipEntry>();
  let o = offset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== CENTRAL)
      throw new PackageError('damaged', 'central directory');
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    let compressedSize = u32(bytes, o + 20);
    let size = u32(bytes, o + 24);
    const nameLength = u16(bytes, o + 28);
    const extraLength = u16(bytes, o + 30);
    const commentLength = u16(bytes, o + 32);
    let localOffset = u32(bytes, o + 42);
    const crcAt = o + 16;
    const nameBytes = bytes.subarray(o + 46, o + 46 + nameLength);
    const storedName = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    const name = storedName.replace(/\\/g, '/').replace(/^\/+/, '');
    // Zip64: the real sizes and offset are in the extra field when the fixed ones are all ones.
    let e = o + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, p);
          p += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, p);
      }
      e += 4 + len;
    }
    o = extraEnd + commentLength;
    if (name === '' || name.endsWith('/')) continue;
    if (localOffset + 30 > bytes.length) throw new PackageError('damaged', name);
    entries.set(name, {
      name,
      storedName,
      method,
      compressedSize,
      size,
      localOffset,
      crc: u32(bytes, crcAt),
      encrypted: (flags & 1) === 1,
    });
  }
  const byLowerName = new Map<string, ZipEntry>();
  for (const [name, entry] of entries)
    if (!byLowerName.has(name.toLowerCase())) byLowerName.set(name.toLowerCase(), entry);
  return { bytes, entries, byLowerName };
}

/** The entry's name looked up as Excel does: case-insensitively. */
export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.entries.get(name) ?? zip.byLowerName.get(name.toLowerCase());
}

const CHUNK = 1 << 16;
const ONE_SHOT_CHUNK = 1 << 20;
const MAX_DEFLATE_RATIO = 1032;
const SIZE_SLACK = 1 << 20;

/**
 * Inflates one part, handing its bytes to `onData` as they come, in order. Refuses, as a zip
 * bomb, a part whose bytes exceed what its entry declares or the limit for one part.
 */
export function inflateEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  guard: Guard,
  onData: (chunk: Uint8Array) => void,
): void {
  const { bytes } = zip;
  if (entry.encrypted) throw new PackageError('encrypted');
  const start = dataStart(zip, entry);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new PackageError('damaged', entry.name);
  // Some writers get the declared size slightly wrong (the part is read all the same, as other
  // readers do); a part that inflates far beyond it is a bomb.
  const limit = Math.min(guard.limits.maxPartBytes, Math.max(2 * entry.size, entry.size + SIZE_SLACK));
  if (entry.size > guard.limits.maxPartBytes) throw new PackageError('too-large', entry.name);
  guard.spend(entry.size);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    onData(data);
    return;
  }
  if (entry.method !== 8)
    throw new PackageError('damaged', `${entry.name}: compression method ${entry.method}`);
  // DEFLATE cannot expand more than 1 032 times: when even that stays within the limit, the part is
  // inflated in one go (faster), and its size checked after; else as a stream, stopped at the limit.
  if (data.length * MAX_DEFLATE_RATIO <= limit) {
    let out: Uint8Array;
    try {
      out = inflateSync(data, { out: new Uint8Array(entry.size) });
    } catch (e) {
      throw new PackageError('damaged', `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (out.length > limit) throw new PackageError('zip-bomb', entry.name);
    for (let p = 0; p < out.length; p += ONE_SHOT_CHUNK) {
      guard.check();
      onData(out.subarray(p, Math.min(p + ONE_SHOT_CHUNK, out.length)));
    }
    return;
  }
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new PackageError('zip-bomb', entry.name);
    onData(chunk);
  });
  try {
    for (let p = 0; p < data.length; p += CHUNK) {
      guard.check();
      inflate.push(data.subarray(p, Math.min(p + CHUNK, data.length)), p + CHUNK >= data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw new PackageError('damaged', `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The whole part as bytes (for parts the writer edits or copies). */
export function entryBytes(zip: ZipArchive, entry: ZipEntry, guard: Guard): Uint8Array {
  const chunks: Uint8Array[] = [];
  inflateEntry(zip, entry, guard, (c) => {
    // fflate reuses no buffers it hands out, but a stored part is a view of the file: copy it.
    chunks.push(entry.method === 0 ? c.slice() : c);
  });
  return concat(chunks);
}

/** The chunks as one array (the one chunk itself when there is one). */
function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** The whole part as text (XML parts are UTF-8; a UTF-16 part is read by its byte order mark). */
export function entryText(zip: ZipArchive, entry: ZipEntry, guard: Guard): string {
  return decodeXml(entryBytes(zip, entry, guard));
}

export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes);
  return utf8.decode(bytes);
}

/** A part of the zip to write: new bytes, or an entry of the original copied as it is stored. */
export type ZipPart =
  | { readonly name: string; readonly data: Uint8Array }
  | { readonly name: string; readonly copy: ZipEntry; readonly from: ZipArchive };

/**
 * A zip of the given parts, in the given order. New bytes are deflated; a part copied from the
 * original keeps its compressed bytes as stored (not inflated and deflated again), so it is the
 * same part, byte for byte, and copying costs no compression.
 */
export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  // A fixed date: the same input gives the same bytes.
  const mtime = new Date(2000, 0, 1);
  for (const part of parts) {
    if ('data' in part) {
      // Level 6 for what is small, 1 for large new sheets: as small within a few per cent, several
      // times faster (a 40 MB sheet of cards deflates in a second, not in four).
      const level = part.data.length < 64 ? 0 : part.data.length > 1 << 20 ? 1 : 6;
      const file = new ZipDeflate(part.name, { level });
      file.mtime = mtime;
      zip.add(file);
      file.push(part.data, true);
    } else {
      const { copy, from } = part;
      const file: ZipInputFile = {
        filename: part.name,
        size: copy.size,
        crc: copy.crc,
        compression: copy.method,
        mtime,
      };
      zip.add(file);
      const start = dataStart(from, copy);
      file.ondata!(
        null,
        from.bytes.subarray(start, start + copy.compressedSize) as Uint8Array<ArrayBuffer>,
        true,
      );
    }
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  return concat(chunks);
}

/** Where an entry's stored bytes begin: after its local header. */
function dataStart(zip: ZipArchive, entry: ZipEntry): number {
  const o = entry.localOffset;
  if (u32(zip.bytes, o) !== LOCAL) throw new PackageError('damaged', entry.name);
  return o + 30 + u16(zip.bytes, o + 26) + u16(zip.bytes, o + 28);
}
