// Reference tables (offices, municipalities, communities) loaded from prisma/reference/*.csv at
// every start. Codes are stable keys; names follow the files. Rows missing from a file are kept
// (cases point at them), and columns the files do not carry (an office's phone) are left alone.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { latinToCyrillic } from '@mprc/contracts';
import { findRepoPath, type Queryable } from './migrator.js';

export interface ReferenceRow {
  code: string;
  nameSq: string;
  nameSrLatn: string;
  nameSrCyrl: string;
  nameEn: string;
}

const FILES = {
  offices: { file: 'offices.csv', table: 'office' },
  municipalities: { file: 'kosovo-municipalities.csv', table: 'municipality' },
  communities: { file: 'communities.csv', table: 'community' },
} as const;

type Kind = keyof typeof FILES;

/** Parses one reference file; Serbian Cyrillic is derived from Serbian Latin (one-to-one). */
export function parseReferenceCsv(text: string, source = 'reference file'): ReferenceRow[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
    string,
    string
  >[];
  const seen = new Set<string>();
  return records.map((r, i) => {
    const line = `${source} row ${i + 2}`;
    for (const col of ['code', 'name_sq', 'name_sr_latn', 'name_en']) {
      if (!r[col]) throw new Error(`${line}: column ${col} is empty or missing`);
    }
    if (seen.has(r.code)) throw new Error(`${line}: code ${r.code} appears twice`);
    seen.add(r.code);
    const nameSrLatn = r.name_sr_latn.normalize('NFC');
    return {
      code: r.code,
      nameSq: r.name_sq.normalize('NFC'),
      nameSrLatn,
      nameSrCyrl: latinToCyrillic(nameSrLatn),
      nameEn: r.name_en.normalize('NFC'),
    };
  });
}

// One statement per table (atomic on its own, so a Pool is fine); rows whose names did not
// change are not touched, so a reload writes nothing and keeps row versions.
async function upsert(client: Queryable, table: string, rows: ReferenceRow[]): Promise<void> {
  await client.query(
    `INSERT INTO "${table}" (id, code, name_sq, name_sr_latn, name_sr_cyrl, name_en)
     SELECT gen_random_uuid(), * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (code) DO UPDATE SET
       name_sq = EXCLUDED.name_sq, name_sr_latn = EXCLUDED.name_sr_latn,
       name_sr_cyrl = EXCLUDED.name_sr_cyrl, name_en = EXCLUDED.name_en
     WHERE ("${table}".name_sq, "${table}".name_sr_latn, "${table}".name_sr_cyrl, "${table}".name_en)
       IS DISTINCT FROM (EXCLUDED.name_sq, EXCLUDED.name_sr_latn, EXCLUDED.name_sr_cyrl, EXCLUDED.name_en)`,
    [
      rows.map((r) => r.code),
      rows.map((r) => r.nameSq),
      rows.map((r) => r.nameSrLatn),
      rows.map((r) => r.nameSrCyrl),
      rows.map((r) => r.nameEn),
    ],
  );
}

export function defaultReferenceDir(): string {
  return findRepoPath('prisma/reference');
}

export async function loadReferenceData(
  client: Queryable,
  dir = defaultReferenceDir(),
): Promise<{ offices: number; municipalities: number; communities: number }> {
  const counts = { offices: 0, municipalities: 0, communities: 0 };
  for (const kind of Object.keys(FILES) as Kind[]) {
    const { file, table } = FILES[kind];
    const full = path.join(dir, file);
    const rows = parseReferenceCsv(fs.readFileSync(full, 'utf8'), full);
    await upsert(client, table, rows);
    counts[kind] = rows.length;
  }
  return counts;
}
