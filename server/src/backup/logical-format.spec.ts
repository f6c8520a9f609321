import { describe, expect, it } from 'vitest';
import { LogicalDumpWriter, readLogicalDump, type DumpEvent, type DumpHeader } from './logical-format.js';

const header = (tables: { name: string; rows: number }[]): DumpHeader => ({
  format: 'mprc-logical',
  formatVersion: 1,
  app: { name: 'mprc', version: '0.0.0' },
  createdAt: '2026-01-01T00:00:00.000Z',
  server: { version: '18.4', versionNum: 180004 },
  database: 'x',
  migrations: [],
  tables: tables.map((t) => ({ ...t, columns: ['a', 'b'] })),
  sequences: [],
});

async function build(tables: { name: string; data: string[] }[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const w = new LogicalDumpWriter(async (c) => void parts.push(c));
  await w.header(header(tables.map((t) => ({ name: t.name, rows: t.data.length }))));
  for (const t of tables) {
    await w.beginTable(t.name);
    for (const row of t.data) await w.data(Buffer.from(`${row}\n`));
    await w.endTable(t.data.length);
  }
  await w.trailer();
  return Buffer.concat(parts);
}

/** Feeds the bytes in pieces of `size` (1 = every line boundary split), collecting the events. */
async function read(bytes: Buffer, size = bytes.length): Promise<DumpEvent[]> {
  async function* pieces() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const events: DumpEvent[] = [];
  for await (const e of readLogicalDump(pieces())) events.push(e);
  return events;
}

const rowsOf = (events: DumpEvent[]) => {
  const out: Record<string, string> = {};
  let current = '';
  for (const e of events) {
    if (e.type === 'table') out[(current = e.table.name)] = '';
    if (e.type === 'data') out[current] += e.chunk.toString('utf8');
  }
  return out;
};

describe('logical backup format', () => {
  const tables = [
    { name: 'case', data: ['1\tЉубица Đorđević', '2\ta \\\\. backslash', '3\t\\N'] },
    { name: 'empty', data: [] },
    { name: 'attachment', data: [`4\t\\\\x${'ab'.repeat(5000)}`, '5\tline\\nbreak'] },
  ];

  it('round-trips rows whatever the chunking', async () => {
    const bytes = await build(tables);
    for (const size of [1, 2, 3, 7, 64, 4096, bytes.length]) {
      const events = await read(bytes, size);
      expect(rowsOf(events)).toEqual({
        case: tables[0].data.map((r) => `${r}\n`).join(''),
        empty: '',
        attachment: tables[2].data.map((r) => `${r}\n`).join(''),
      });
      expect(events.filter((e) => e.type === 'end-table').map((e) => (e as { rows: number }).rows)).toEqual([3, 0, 2]);
      expect(events.at(-1)).toMatchObject({ type: 'trailer', trailer: { rows: 5 } });
    }
  });

  it('refuses a file that was cut short', async () => {
    const bytes = await build(tables);
    await expect(read(bytes.subarray(0, bytes.length - 10))).rejects.toThrow(/truncated/);
    const noTrailer = bytes.subarray(0, bytes.lastIndexOf('END '));
    await expect(read(noTrailer)).rejects.toThrow(/no trailer/);
  });

  it('refuses a changed byte (checksum)', async () => {
    const bytes = Buffer.from(await build(tables));
    bytes[bytes.indexOf('Đor')] = 'X'.charCodeAt(0);
    await expect(read(bytes)).rejects.toThrow(/checksum/);
  });

  it('refuses a row count that differs from the header', async () => {
    const text = (await build(tables)).toString('utf8').replace('3\t\\N\n', '');
    await expect(read(Buffer.from(text))).rejects.toThrow(/table case holds 2 rows, its header announces 3/);
  });

  it('refuses something else', async () => {
    await expect(read(Buffer.from('PGDMP...\n'))).rejects.toThrow(/backup marker/);
    await expect(read(Buffer.from('MPRC-LOGICAL-BACKUP 99\n{}\n'))).rejects.toThrow(/newer than this program/);
  });
});
