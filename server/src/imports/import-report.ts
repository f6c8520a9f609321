import {
  latinToCyrillic,
  type ImportCandidate,
  type ImportErrorCode,
  type ImportRowError,
  type ImportRowStatus,
  type UiLanguage,
} from '@mprc/contracts';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { neutralise } from '../exports/csv-export.js';
import type { StoredRow } from './imports.repository.js';

// The dry-run report as a spreadsheet: one line per row of the file with its status, its errors
// (each naming the file's column), its duplicate candidates (case numbers or earlier rows, with
// scores), the case it matched or created, and the mapped cells as read. Headers, statuses and
// messages in the reader's language (Serbian Cyrillic generated from the Latin). CSV is UTF-8
// with a byte order mark and formula-like cells neutralised, as the case export.

type Source = Exclude<UiLanguage, 'sr-Cyrl'>;
type Texts<K extends string> = Record<K, Record<Source, string>>;

const HEADERS = {
  row: { sq: 'Rreshti', 'sr-Latn': 'Red', en: 'Row' },
  status: { sq: 'Gjendja', 'sr-Latn': 'Status', en: 'Status' },
  firstName: { sq: 'Emri', 'sr-Latn': 'Ime', en: 'First name' },
  lastName: { sq: 'Mbiemri', 'sr-Latn': 'Prezime', en: 'Last name' },
  errors: { sq: 'Gabimet', 'sr-Latn': 'Greške', en: 'Errors' },
  candidates: { sq: 'Dublikatë të mundshme', 'sr-Latn': 'Mogući duplikati', en: 'Possible duplicates' },
  case: { sq: 'Rasti', 'sr-Latn': 'Slučaj', en: 'Case' },
  sheet: { sq: 'Raporti', 'sr-Latn': 'Izveštaj', en: 'Report' },
  rowRef: { sq: 'rreshti', 'sr-Latn': 'red', en: 'row' },
  score: { sq: 'pikët', 'sr-Latn': 'poeni', en: 'score' },
} satisfies Texts<string>;

const STATUS: Texts<ImportRowStatus> = {
  VALID: { sq: 'Në rregull', 'sr-Latn': 'Ispravan', en: 'Valid' },
  INVALID: { sq: 'Me gabime', 'sr-Latn': 'Sa greškama', en: 'Invalid' },
  DUPLICATE: { sq: 'Dublikatë e mundshme', 'sr-Latn': 'Mogući duplikat', en: 'Possible duplicate' },
  EXISTING: { sq: 'Ekziston tashmë', 'sr-Latn': 'Već postoji', en: 'Already recorded' },
  CREATED: { sq: 'U krijua', 'sr-Latn': 'Napravljen', en: 'Created' },
};

// {value} is the cell as read; {codes} the entries an ambiguous name fits; {row} an earlier row.
const MESSAGES: Texts<ImportErrorCode> = {
  required: { sq: 'Mungon', 'sr-Latn': 'Nedostaje', en: 'Missing' },
  too_long: { sq: 'Tepër i gjatë', 'sr-Latn': 'Predugačko', en: 'Too long' },
  too_many: { sq: 'Tepër shumë vlera', 'sr-Latn': 'Previše vrednosti', en: 'Too many values' },
  date_format: {
    sq: '"{value}" nuk është datë (p.sh. 1999, 05.1999, 12.05.1999)',
    'sr-Latn': '"{value}" nije datum (npr. 1999, 05.1999, 12.05.1999)',
    en: '"{value}" is not a date (e.g. 1999, 05.1999, 12.05.1999)',
  },
  date_future: {
    sq: 'Data "{value}" është në të ardhmen',
    'sr-Latn': 'Datum "{value}" je u budućnosti',
    en: 'The date "{value}" is in the future',
  },
  date_too_early: {
    sq: 'Viti duhet të jetë 1850 ose më vonë',
    'sr-Latn': 'Godina mora biti 1850 ili kasnije',
    en: 'The year must be 1850 or later',
  },
  before_birth: {
    sq: 'Data e zhdukjes është para datës së lindjes',
    'sr-Latn': 'Datum nestanka je pre datuma rođenja',
    en: 'Missing since a date before the date of birth',
  },
  sex_unknown: {
    sq: 'Gjini e panjohur "{value}" (M/F, Mashkull/Femër)',
    'sr-Latn': 'Nepoznat pol "{value}" (M/Ž, Muški/Ženski)',
    en: 'Unknown sex "{value}" (M/F, Male/Female)',
  },
  municipality_unknown: {
    sq: 'Komunë e panjohur "{value}"',
    'sr-Latn': 'Nepoznata opština "{value}"',
    en: 'Unknown municipality "{value}"',
  },
  community_unknown: {
    sq: 'Komunitet i panjohur "{value}"',
    'sr-Latn': 'Nepoznata zajednica "{value}"',
    en: 'Unknown community "{value}"',
  },
  office_unknown: {
    sq: 'Zyrë e panjohur "{value}"',
    'sr-Latn': 'Nepoznata kancelarija "{value}"',
    en: 'Unknown office "{value}"',
  },
  office_required: { sq: 'Mungon zyra', 'sr-Latn': 'Nedostaje kancelarija', en: 'No office' },
  ambiguous: {
    sq: '"{value}" përputhet me disa: {codes}',
    'sr-Latn': '"{value}" odgovara za više: {codes}',
    en: '"{value}" fits several: {codes}',
  },
  reference_twice: {
    sq: 'Referenca është shënuar dy herë',
    'sr-Latn': 'Referenca je navedena dvaput',
    en: 'Reference listed twice',
  },
  reference_in_file: {
    sq: 'Referenca "{value}" është edhe në rreshtin {row}',
    'sr-Latn': 'Referenca "{value}" je i u redu {row}',
    en: 'The reference "{value}" is also in row {row}',
  },
  invalid: {
    sq: 'Vlerë e pavlefshme "{value}"',
    'sr-Latn': 'Neispravna vrednost "{value}"',
    en: 'Invalid value "{value}"',
  },
};

export interface ReportLabels {
  language: UiLanguage;
  header: (key: keyof typeof HEADERS) => string;
  status: (s: ImportRowStatus) => string;
  error: (e: ImportRowError) => string;
  candidate: (c: ImportCandidate) => string;
}

export function importReportLabels(language: UiLanguage): ReportLabels {
  const source: Source = language === 'sr-Cyrl' ? 'sr-Latn' : language;
  const word = (text: string) => (language === 'sr-Cyrl' ? latinToCyrillic(text) : text);
  const header = (key: keyof typeof HEADERS) => word(HEADERS[key][source]);
  return {
    language,
    header,
    status: (s) => word(STATUS[s][source]),
    error: (e) => {
      const message = word(MESSAGES[e.code][source])
        .replace('{value}', e.value ?? '')
        .replace('{codes}', String(e.params?.codes ?? ''))
        .replace('{row}', String(e.params?.row ?? ''));
      return e.column ? `${e.column}: ${message}` : message;
    },
    candidate: (c) =>
      `${c.caseNumber ?? `${header('rowRef')} ${c.rowNumber}`} ${c.firstName} ${c.lastName} (${header('score')} ${c.score.toFixed(2)})`,
  };
}

export interface ReportFile {
  stream: Readable;
  contentType: string;
  fileName: string;
}

/** The cells of one report line. */
function lineOf(
  row: StoredRow,
  columns: string[],
  labels: ReportLabels,
  names: { first?: string; last?: string },
): (string | number)[] {
  return [
    row.row_number,
    labels.status(row.status),
    (names.first && row.values[names.first]) || '',
    (names.last && row.values[names.last]) || '',
    (row.errors ?? []).map(labels.error).join('; '),
    (row.duplicates ?? []).map(labels.candidate).join('; '),
    row.case_number ?? '',
    ...columns.map((c) => row.values[c] ?? ''),
  ];
}

/**
 * Streams the report from the rows (a generator of batches): CSV through csv-stringify, XLSX
 * through exceljs's streaming writer; nothing but one batch is held.
 */
export function reportFile(
  format: 'csv' | 'xlsx',
  baseName: string,
  rows: AsyncGenerator<StoredRow[]>,
  columns: string[],
  names: { first?: string; last?: string },
  labels: ReportLabels,
): ReportFile {
  const headers = [
    labels.header('row'),
    labels.header('status'),
    labels.header('firstName'),
    labels.header('lastName'),
    labels.header('errors'),
    labels.header('candidates'),
    labels.header('case'),
    ...columns,
  ];
  const fileName = `${baseName.replace(/\.(csv|xlsx|txt)$/i, '')}-${labels.header('sheet').toLowerCase()}.${format}`;
  if (format === 'csv') {
    const stringifier = stringify({ bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
    const lines = Readable.from(
      (async function* () {
        yield headers.map(neutralise);
        for await (const batch of rows)
          for (const row of batch)
            yield lineOf(row, columns, labels, names).map((v) => (typeof v === 'string' ? neutralise(v) : v));
      })(),
    );
    lines.on('error', (e) => stringifier.destroy(e));
    lines.pipe(stringifier);
    return { stream: stringifier, contentType: 'text/csv; charset=utf-8', fileName };
  }
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(labels.header('sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({ header, key: `c${i}`, width: [8, 18, 16, 18, 60, 50, 14][i] ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    try {
      for await (const batch of rows) {
        for (const row of batch) sheet.addRow(lineOf(row, columns, labels, names)).commit();
        if (output.destroyed) return;
      }
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      output.destroy(e as Error);
    }
  })();
  return { stream: output, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName };
}
