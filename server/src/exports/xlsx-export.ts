import ExcelJS from 'exceljs';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { Cell, PreparedColumns } from './export-columns.js';

// XLSX through exceljs's streaming writer: rows are committed (serialised and zipped) as they
// come, never held as a workbook. The writer itself never waits, so the export does, in two places:
// - when the response's buffer is full (a slow client);
// - when the sheet's XML waits to be compressed: exceljs hands it to the zip through a PassThrough
//   without looking at write()'s answer, so a fast database and a slower deflate would pile the
//   whole sheet up there (measured: +980 MB RSS for a million rows without this wait; with it the
//   growth stays about 60 MB whatever the number of rows).

export interface XlsxAbout {
  sheetName: string;
  aboutSheetName: string;
  title: string;
  /** Label/value lines of the second sheet (time, who, mode, columns...); the row count is added at the end. */
  lines: { label: string; value: string }[];
  rowsLabel: string;
  filtersLabel: string;
  filters: { label: string; value: string }[];
  noFilters: string;
}

// Sheet names: at most 31 characters, none of : \ / ? * [ ].
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

export interface XlsxResult {
  /** The file's bytes. */
  output: Readable;
  /** Resolves with the number of rows written when the workbook is complete; rejects when it was cut off. */
  done: Promise<number>;
}

const ZIP_BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * The stream that feeds the sheet's XML to the zip (exceljs internals: StreamBuf.pipes, a
 * readable-stream 2 PassThrough made by archiver, which has no writableLength getter).
 */
function sheetZipInput(sheet: ExcelJS.Worksheet): Writable | undefined {
  return (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
}

function backlog(stream: Writable): number {
  return (
    stream.writableLength ?? (stream as unknown as { _writableState?: { length?: number } })._writableState?.length ?? 0
  );
}

/** Waits until the stream takes more, or is gone (a destroyed stream never drains). */
function drainOrClose(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

export function xlsxStream(rows: Readable, columns: PreparedColumns, dates: boolean, about: XlsxAbout): XlsxResult {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'MPRC';
  workbook.created = new Date();

  const sheet = workbook.addWorksheet(sheetName(about.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.headers.map((header, i) => {
    const spec = columns.specs[i];
    const numFmt = !dates || !spec.format ? undefined : spec.format === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm';
    return {
      header,
      key: `c${i}`,
      width: Math.max(spec.width, Math.min(40, header.length + 2)),
      style: numFmt ? { numFmt } : {},
    };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();

  const done = (async () => {
    let count = 0;
    try {
      for await (const cells of rows as AsyncIterable<Cell[]>) {
        sheet.addRow(cells).commit();
        count++;
        if (output.destroyed) break;
        if (output.writableNeedDrain) await drainOrClose(output);
        const zipInput = sheetZipInput(sheet);
        if (zipInput && backlog(zipInput) > ZIP_BACKLOG_BYTES) await drainOrClose(zipInput);
      }
      if (output.destroyed) throw new Error('export stopped');
      sheet.commit();

      const aboutSheet = workbook.addWorksheet(sheetName(about.aboutSheetName));
      aboutSheet.columns = [{ width: 28 }, { width: 60 }];
      aboutSheet.addRow([about.title]).font = { bold: true, size: 14 };
      aboutSheet.addRow([]);
      for (const line of about.lines) aboutSheet.addRow([line.label, line.value]);
      aboutSheet.addRow([about.rowsLabel, count]);
      aboutSheet.addRow([]);
      aboutSheet.addRow([about.filtersLabel]).font = { bold: true };
      if (!about.filters.length) aboutSheet.addRow([about.noFilters]);
      for (const f of about.filters) aboutSheet.addRow([f.label, f.value]);
      aboutSheet.commit();
      await workbook.commit();
      return count;
    } catch (error) {
      rows.destroy();
      if (!output.destroyed) output.destroy(error as Error);
      throw error;
    }
  })();
  // The caller awaits `done` for the audit entry; an unobserved rejection must not crash anything.
  done.catch(() => undefined);
  return { output, done };
}
