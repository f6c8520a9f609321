// The built-in backup format, used when no pg_dump of the server's major version is at hand.
// A gzip stream of plain text, readable with `zcat file | less`:
//
//   MPRC-LOGICAL-BACKUP 1
//   {"format":...,"migrations":[...],"tables":[{"name","columns","rows"}],"sequences":[...]}
//   TABLE <name>
//   <the table's rows in COPY text format, one line per row>
//   \.
//   ...one section per table, in header order...
//   END {"sha256":"<hex of every byte before this line>","rows":<total>}
//
// COPY's text format escapes newlines and backslashes inside values, so a row never spans lines
// and a line holding only `\.` can only be the end of a section.
import { createHash, type Hash } from 'node:crypto';

export const MAGIC = 'MPRC-LOGICAL-BACKUP';
export const FORMAT_VERSION = 1;

export interface DumpTable {
  name: string;
  columns: string[];
  rows: number;
}

export interface DumpSequence {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface DumpHeader {
  format: 'mprc-logical';
  formatVersion: number;
  app: { name: string; version: string };
  createdAt: string;
  server: { version: string; versionNum: number };
  database: string;
  migrations: { name: string; checksum: string }[];
  tables: DumpTable[];
  sequences: DumpSequence[];
}

export interface DumpTrailer {
  sha256: string;
  rows: number;
}

export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}

export type DumpEvent =
  | { type: 'header'; header: DumpHeader }
  | { type: 'table'; table: DumpTable }
  /** One or more complete COPY lines (each ending in \n) of the current table. */
  | { type: 'data'; chunk: Buffer; lines: number }
  | { type: 'end-table'; table: DumpTable; rows: number }
  | { type: 'trailer'; trailer: DumpTrailer };

const NL = 0x0a;
const END_OF_DATA = Buffer.from('\\.');

/**
 * Reads the uncompressed stream, checking its structure as it goes: header first, sections in
 * header order with the announced row counts, then the trailer, whose hash must match, then
 * nothing. Throws a BackupFormatError on the first problem. Data is yielded in batches of whole
 * lines (one batch per input chunk at most), so memory stays bounded by the longest row.
 */
export async function* readLogicalDump(source: AsyncIterable<Buffer | string>): AsyncGenerator<DumpEvent> {
  const hash: Hash = createHash('sha256');
  let state = 'magic' as 'magic' | 'header' | 'between' | 'data' | 'done';
  let header: DumpHeader | undefined;
  let tableIndex = 0;
  let current: DumpTable | undefined;
  let currentRows = 0;
  let pending: Buffer[] = [];
  let total = 0;

  const bad = (why: string): never => {
    throw new BackupFormatError(`not a valid backup: ${why}`);
  };

  // Handles one complete line (without its \n); returns the events it produces.
  function* control(line: Buffer): Generator<DumpEvent> {
    const text = line.toString('utf8');
    if (state === 'magic') {
      const m = new RegExp(`^${MAGIC} (\\d+)$`).exec(text);
      if (!m) bad('it does not start with the backup marker');
      if (Number(m![1]) > FORMAT_VERSION)
        bad(
          `format version ${m![1]} is newer than this program reads (${FORMAT_VERSION}); restore with a newer release`,
        );
      hash.update(line).update('\n');
      state = 'header';
      return;
    }
    if (state === 'header') {
      try {
        header = JSON.parse(text) as DumpHeader;
      } catch {
        bad('its header is not JSON');
      }
      if (header!.format !== 'mprc-logical' || !Array.isArray(header!.tables)) bad('its header is incomplete');
      hash.update(line).update('\n');
      state = 'between';
      yield { type: 'header', header: header! };
      return;
    }
    if (state === 'between') {
      if (text.startsWith('TABLE ')) {
        const expected = header!.tables[tableIndex];
        const name = text.slice(6);
        if (!expected) bad(`it has a section for ${name} the header does not list`);
        if (expected.name !== name) bad(`section ${name} found where ${expected.name} was expected`);
        hash.update(line).update('\n');
        current = expected;
        currentRows = 0;
        state = 'data';
        yield { type: 'table', table: expected };
        return;
      }
      if (text.startsWith('END ')) {
        if (tableIndex !== header!.tables.length) bad(`it ends after ${tableIndex} of ${header!.tables.length} tables`);
        let trailer: DumpTrailer;
        try {
          trailer = JSON.parse(text.slice(4)) as DumpTrailer;
        } catch {
          return bad('its trailer is not JSON');
        }
        const digest = hash.digest('hex');
        if (trailer.sha256 !== digest) bad('its content does not match its checksum (the file is damaged)');
        if (trailer.rows !== total) bad(`its trailer counts ${trailer.rows} rows, the file holds ${total}`);
        state = 'done';
        yield { type: 'trailer', trailer };
        return;
      }
      bad(`unexpected line "${text.slice(0, 40)}"`);
    }
    if (state === 'done') bad('it has data after its trailer');
  }

  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let start = 0;
    let dataStart = -1; // start of a run of data lines inside this chunk
    let dataLines = 0;
    const flushData = function* (end: number): Generator<DumpEvent> {
      if (dataStart >= 0 && end > dataStart) {
        const piece = chunk.subarray(dataStart, end);
        hash.update(piece);
        yield { type: 'data', chunk: piece, lines: dataLines };
      }
      dataStart = -1;
      dataLines = 0;
    };
    while (start < chunk.length) {
      const nl = chunk.indexOf(NL, start);
      if (nl === -1) break;
      if (state === 'data') {
        if (pending.length) {
          // A row that began in an earlier chunk: complete it and pass it on alone.
          pending.push(chunk.subarray(start, nl + 1));
          const line = Buffer.concat(pending);
          pending = [];
          if (line.length === 3 && line.subarray(0, 2).equals(END_OF_DATA)) {
            hash.update(line);
            yield* finishTable();
          } else {
            hash.update(line);
            currentRows++;
            total++;
            yield { type: 'data', chunk: line, lines: 1 };
          }
          start = nl + 1;
          continue;
        }
        if (nl - start === 2 && chunk[start] === 0x5c && chunk[start + 1] === 0x2e) {
          yield* flushData(start);
          hash.update(chunk.subarray(start, nl + 1));
          yield* finishTable();
        } else {
          if (dataStart < 0) dataStart = start;
          dataLines++;
          currentRows++;
          total++;
        }
        start = nl + 1;
        continue;
      }
      yield* flushData(start);
      let line: Buffer;
      if (pending.length) {
        pending.push(chunk.subarray(start, nl));
        line = Buffer.concat(pending);
        pending = [];
      } else {
        line = chunk.subarray(start, nl);
      }
      yield* control(line);
      start = nl + 1;
    }
    yield* flushData(start);
    if (start < chunk.length) pending.push(Buffer.from(chunk.subarray(start)));
  }
  if (pending.length) bad('it ends in the middle of a line (the file is truncated)');
  if (state !== 'done') bad('it has no trailer (the file is truncated)');

  function* finishTable(): Generator<DumpEvent> {
    if (currentRows !== current!.rows)
      bad(`table ${current!.name} holds ${currentRows} rows, its header announces ${current!.rows}`);
    yield { type: 'end-table', table: current!, rows: currentRows };
    tableIndex++;
    current = undefined;
    state = 'between';
  }
}

/** Writes the uncompressed stream; the caller compresses and stores what `write` receives. */
export class LogicalDumpWriter {
  private readonly hash = createHash('sha256');
  private rows = 0;

  constructor(private readonly write: (chunk: Buffer) => Promise<void>) {}

  private async out(chunk: Buffer): Promise<void> {
    this.hash.update(chunk);
    await this.write(chunk);
  }

  async header(header: DumpHeader): Promise<void> {
    await this.out(Buffer.from(`${MAGIC} ${FORMAT_VERSION}\n${JSON.stringify(header)}\n`));
  }

  async beginTable(name: string): Promise<void> {
    await this.out(Buffer.from(`TABLE ${name}\n`));
  }

  /** COPY output, passed through as it comes. */
  async data(chunk: Buffer): Promise<void> {
    await this.out(chunk);
  }

  async endTable(rows: number): Promise<void> {
    this.rows += rows;
    await this.out(Buffer.from('\\.\n'));
  }

  async trailer(): Promise<DumpTrailer> {
    const trailer = { sha256: this.hash.digest('hex'), rows: this.rows };
    await this.write(Buffer.from(`END ${JSON.stringify(trailer)}\n`));
    return trailer;
  }
}
