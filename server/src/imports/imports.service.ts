import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DRY_RUN_FIRST_ROWS,
  IMPORT_MAX_ROWS,
  ImportUsedMappingSchema,
  type CommitRequest,
  type CommitResponse,
  type DryRunRequest,
  type DryRunResponse,
  type FieldError,
  type ImportCandidate,
  type ImportField,
  type ImportListItem,
  type ImportMapping,
  type ImportReportQuery,
  type ImportResponse,
  type ImportRow,
  type ImportRowsQuery,
  type ImportUsedMapping,
  type Page,
  type PageQuery,
  type SavedImportMapping,
  type SaveImportMappingRequest,
} from '@mprc/contracts';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { DUPLICATE_MIN_SCORE, scoreDuplicate } from '../cases/duplicate-score.js';
import { isUniqueViolation } from '../cases/unique-violation.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { reportLanguage } from '../reports/report-language.js';
import { proposeMapping } from './header-mapping.js';
import { openTable, type Delimiter, type FileLayout, type TextEncodingName } from './import-file.js';
import { importReportLabels, reportFile, type ReportFile } from './import-report.js';
import { COMMUNITY_ALIASES, ReferenceResolver } from './import-values.js';
import {
  ImportsRepository,
  type CandidateRow,
  type ImportTx,
  type RowToStore,
  type StoredImport,
  type StoredRow,
} from './imports.repository.js';
import { buildRow, planColumns, type RowContext } from './row-builder.js';
import type { Upload } from './upload.js';

const BATCH_ROWS = 2000;
const SAMPLE_ROWS = 5;
const CANDIDATES_KEPT = 5;
/** How many rows a 409 names before "and N more". */
const NAMED_ROWS = 20;

const layoutOf = (imp: StoredImport): FileLayout => ({
  format: imp.fileFormat,
  encoding: imp.encoding as TextEncodingName | null,
  delimiter: imp.delimiter as Delimiter | null,
});

/** Compares two mappings as used (the order of keys does not matter). */
const canonical = (m: ImportUsedMapping) =>
  JSON.stringify({
    mapping: Object.fromEntries(Object.entries(m.mapping).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    defaultOfficeCode: m.defaultOfficeCode,
  });

const columnFor = (mapping: Record<string, ImportField> | undefined, field: ImportField) =>
  mapping ? Object.keys(mapping).find((c) => mapping[c] === field) : undefined;

@Injectable()
export class ImportsService {
  private readonly logger = new Logger('Import');

  constructor(
    private readonly db: DatabaseService,
    private readonly imports: ImportsRepository,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  get uploadLimit(): number {
    return this.config.IMPORT_LIMIT_BYTES;
  }

  // ---------------------------------------------------------------- upload

  /**
   * Reads the file once (streaming its rows) to find its layout, columns, first rows and row
   * count; stores the bytes for the dry run and the commit to read again.
   */
  async upload(actor: Actor, meta: RequestMeta, file: Upload): Promise<ImportResponse> {
    const table = await openTable(file.data);
    const sample: string[][] = [];
    let rowCount = 0;
    for await (const row of table.rows) {
      rowCount++;
      if (rowCount > IMPORT_MAX_ROWS) {
        await table.rows.return(undefined);
        throw AppError.field(
          'file',
          `More than ${IMPORT_MAX_ROWS.toLocaleString('en')} rows: split the file`,
          'too_many_rows',
        );
      }
      if (sample.length < SAMPLE_ROWS) sample.push(table.columns.map((_, i) => (row.cells[i] ?? '').trim()));
    }
    if (rowCount === 0) throw AppError.field('file', 'The file has a header but no rows', 'empty');
    const fileHash = createHash('sha256').update(file.data).digest('hex');
    const fileName = (file.fileName ?? '').trim().slice(0, 200) || `import.${table.layout.format}`;
    const id = await this.imports.transaction(async (tx) => {
      const created = await this.imports.create(tx, {
        fileName,
        fileHash,
        fileFormat: table.layout.format,
        encoding: table.layout.encoding,
        delimiter: table.layout.delimiter,
        columns: table.columns,
        sample: { sheetName: table.sheetName(), rows: sample },
        rowCount,
        data: file.data,
        createdById: actor.userId!,
      });
      await this.imports.audit(tx, actor, meta, {
        action: 'import.upload',
        entityType: 'Import',
        entityId: created,
        details: {
          fileName,
          fileHash,
          size: file.data.length,
          format: table.layout.format,
          encoding: table.layout.encoding,
          delimiter: table.layout.delimiter,
          rowCount,
          columns: table.columns.length,
        },
      });
      return created;
    });
    return this.get(id);
  }

  async get(id: string): Promise<ImportResponse> {
    const imp = await this.imports.find(id);
    if (!imp) throw AppError.notFound('Import');
    return {
      id: imp.id,
      fileName: imp.fileName,
      fileFormat: imp.fileFormat,
      fileHash: imp.fileHash,
      encoding: imp.encoding,
      delimiter: imp.delimiter,
      sheetName: imp.sample?.sheetName ?? null,
      rowCount: imp.rowCount,
      columns: imp.columns,
      proposedMapping: proposeMapping(imp.columns),
      sampleRows: imp.sample?.rows ?? [],
      status: imp.status,
      usedMapping: imp.mapping,
      counts: imp.counts,
      sameFile: await this.imports.sameFile(imp.fileHash, imp.id),
      createdBy: imp.createdBy,
      createdAt: imp.createdAt.toISOString(),
      committedAt: imp.committedAt?.toISOString() ?? null,
    };
  }

  list(query: PageQuery): Promise<Page<ImportListItem>> {
    return this.imports.list(query.page, query.pageSize);
  }

  // ---------------------------------------------------------------- dry run

  private checkMapping(imp: StoredImport, mapping: ImportMapping): void {
    const columns = new Set(imp.columns);
    const missing = Object.keys(mapping).filter((c) => !columns.has(c));
    if (missing.length)
      throw AppError.validation(
        missing.map((c) => ({
          field: `mapping.${c}`,
          message: `The file has no column "${c}"`,
          code: 'unknown_column',
        })),
      );
  }

  private async rowContext(tx: ImportTx, defaultOfficeCode: string | undefined): Promise<RowContext> {
    const refs = await this.imports.referenceEntries(tx);
    const ctx: RowContext = {
      municipalities: new ReferenceResolver(refs.municipality),
      communities: new ReferenceResolver(refs.community, COMMUNITY_ALIASES),
      offices: new ReferenceResolver(refs.office),
      defaultOffice: null,
    };
    if (defaultOfficeCode) {
      const office = refs.office.find((o) => o.code === defaultOfficeCode);
      if (!office)
        throw AppError.field('defaultOfficeCode', `Unknown office code ${defaultOfficeCode}`, 'unknown_code');
      ctx.defaultOffice = { id: office.id, code: office.code };
    }
    return ctx;
  }

  /**
   * Validates every row with the case form's rules and looks for duplicates, storing each row's
   * outcome (import_row) in one transaction: a dry run replaces the previous one whole.
   */
  async dryRun(actor: Actor, meta: RequestMeta, id: string, body: DryRunRequest): Promise<DryRunResponse> {
    const used: ImportUsedMapping = { mapping: body.mapping, defaultOfficeCode: body.defaultOfficeCode ?? null };
    const started = Date.now();
    return this.imports.transaction(async (tx) => {
      const imp = await this.imports.lock(tx, id);
      if (!imp) throw AppError.notFound('Import');
      if (imp.status === 'COMMITTED') throw new AppError('CONFLICT', 'This import is already committed');
      this.checkMapping(imp, body.mapping);
      const ctx = await this.rowContext(tx, body.defaultOfficeCode);

      await this.imports.clearRows(tx, id);
      const table = await openTable(await this.imports.fileData(tx, id), layoutOf(imp));
      const plan = planColumns(imp.columns, body.mapping);
      const referenceRows = new Map<string, number>();
      let batch: RowToStore[] = [];
      for await (const row of table.rows) {
        const built = buildRow(row.cells, plan, ctx);
        if (built.data) {
          // The same reference twice in the file: the later row is refused (the earlier one decides).
          built.data.externalReferences.forEach((ref, i) => {
            const key = `${ref.system}:${ref.reference.toUpperCase()}`;
            const earlier = referenceRows.get(key);
            if (earlier === undefined) return;
            built.errors.push({
              column: built.referenceColumns[i] ?? null,
              field: `externalReferences.${i}.reference`,
              code: 'reference_in_file',
              message: `The reference "${ref.reference}" is also in row ${earlier}`,
              value: ref.reference,
              params: { row: earlier },
            });
          });
          if (built.errors.length) built.data = null;
          else
            for (const ref of built.data.externalReferences)
              referenceRows.set(`${ref.system}:${ref.reference.toUpperCase()}`, row.rowNumber);
        }
        batch.push({
          rowNumber: row.rowNumber,
          status: built.data ? 'VALID' : 'INVALID',
          values: built.values,
          data: built.data,
          errors: built.errors.length ? built.errors : null,
        });
        if (batch.length >= BATCH_ROWS) {
          await this.imports.insertRows(tx, id, batch);
          batch = [];
        }
      }
      await this.imports.insertRows(tx, id, batch);
      const parsedAt = Date.now();

      await this.imports.markExisting(tx, id, ['VALID']);
      await this.imports.preparePeople(tx, id);
      await this.findDuplicates(tx, id);

      const counts = await this.imports.statusCounts(tx, id);
      await this.imports.finishDryRun(tx, id, used, counts);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const summary = {
        total,
        valid: counts.VALID,
        invalid: counts.INVALID,
        duplicates: counts.DUPLICATE,
        existing: counts.EXISTING,
      };
      await this.imports.audit(tx, actor, meta, {
        action: 'import.dry_run',
        entityType: 'Import',
        entityId: id,
        details: {
          fileName: imp.fileName,
          fileHash: imp.fileHash,
          mapping: used.mapping,
          defaultOfficeCode: used.defaultOfficeCode,
          ...summary,
        },
      });
      this.logger.log(
        { importId: id, rows: total, parseMs: parsedAt - started, duplicatesMs: Date.now() - parsedAt },
        'Import dry run',
      );
      const first = await this.imports.rowsPage(id, 'all', 1, DRY_RUN_FIRST_ROWS, tx);
      return { id, ...summary, rows: first.items.map((r) => this.toRow(r, used.mapping)) };
    });
  }

  /** Scores the SQL's candidate pairs (the case feature's weights) and marks the rows that have any. */
  private async findDuplicates(tx: ImportTx, id: string): Promise<void> {
    let pending: { rowNumber: number; candidates: ImportCandidate[] }[] = [];
    let current: { rowNumber: number; pairs: CandidateRow[] } | null = null;
    const flush = async (force: boolean) => {
      if (force || pending.length >= BATCH_ROWS) {
        const out = pending;
        pending = [];
        await this.imports.markDuplicates(tx, id, out);
      }
    };
    const close = (group: { rowNumber: number; pairs: CandidateRow[] }) => {
      const candidates = group.pairs
        .map((p): ImportCandidate => {
          const { score, reasons } = scoreDuplicate({
            lastNameSimilarity: p.last_sim,
            firstNameSimilarity: p.first_sim,
            fatherNameSimilarity: p.father_sim,
            birthYearDifference:
              p.birth_year !== null && p.row_birth_year !== null ? Math.abs(p.birth_year - p.row_birth_year) : null,
            sameMunicipality: p.same_municipality,
          });
          return {
            caseId: p.case_id,
            caseNumber: p.case_number,
            rowNumber: p.other_row,
            firstName: p.first_name,
            lastName: p.last_name,
            fatherName: p.father_name,
            birthYear: p.birth_year,
            score,
            reasons,
          };
        })
        .filter((c) => c.score >= DUPLICATE_MIN_SCORE)
        .sort(
          (a, b) =>
            b.score - a.score ||
            (a.caseNumber ?? '').localeCompare(b.caseNumber ?? '') ||
            (a.rowNumber ?? 0) - (b.rowNumber ?? 0),
        )
        .slice(0, CANDIDATES_KEPT);
      if (candidates.length) pending.push({ rowNumber: group.rowNumber, candidates });
    };
    // Pairs arrive ordered by row: a row's group is complete when the next row starts.
    for await (const batch of this.imports.candidates(tx)) {
      for (const pair of batch) {
        if (current && current.rowNumber !== pair.row_number) {
          close(current);
          current = null;
        }
        current ??= { rowNumber: pair.row_number, pairs: [] };
        current.pairs.push(pair);
      }
      await flush(false);
    }
    if (current) close(current);
    await flush(true);
  }

  private toRow(r: StoredRow, mapping: Record<string, ImportField> | undefined): ImportRow {
    const first = columnFor(mapping, 'firstName');
    const last = columnFor(mapping, 'lastName');
    return {
      rowNumber: r.row_number,
      status: r.status,
      firstName: (first && r.values[first]) || null,
      lastName: (last && r.values[last]) || null,
      values: r.values,
      errors: r.errors ?? [],
      candidates: r.duplicates ?? [],
      case: r.case_id && r.case_number ? { id: r.case_id, caseNumber: r.case_number } : null,
    };
  }

  async rows(id: string, query: ImportRowsQuery): Promise<Page<ImportRow>> {
    const imp = await this.imports.find(id);
    if (!imp) throw AppError.notFound('Import');
    const page = await this.imports.rowsPage(id, query.filter, query.page, query.pageSize);
    return { ...page, items: page.items.map((r) => this.toRow(r, imp.mapping?.mapping)) };
  }

  // ---------------------------------------------------------------- commit

  /**
   * Stores the accepted rows as cases in one transaction (all or none), after a dry run with the
   * same mapping in which every invalid or duplicate row was excluded (or a duplicate accepted).
   * Rows whose external reference is on a case by now are skipped as existing.
   */
  async commit(actor: Actor, meta: RequestMeta, id: string, body: CommitRequest): Promise<CommitResponse> {
    const used: ImportUsedMapping = { mapping: body.mapping, defaultOfficeCode: body.defaultOfficeCode ?? null };
    const exclude = [...new Set(body.excludeRows ?? [])];
    const include = [...new Set(body.includeDuplicates ?? [])];
    try {
      return await this.imports.transaction(async (tx) => {
        const imp = await this.imports.lock(tx, id);
        if (!imp) throw AppError.notFound('Import');
        if (imp.status === 'COMMITTED') throw new AppError('CONFLICT', 'This import is already committed');
        if (imp.status !== 'DRY_RUN' || !imp.mapping)
          throw new AppError('CONFLICT', 'Run a dry run first (a failed commit needs a new one)', {
            details: { status: imp.status },
          });
        const stored = ImportUsedMappingSchema.safeParse(imp.mapping);
        if (!stored.success || canonical(stored.data) !== canonical(used))
          throw new AppError(
            'CONFLICT',
            'The last dry run used another mapping or default office: run the dry run with this one',
            {
              details: { usedMapping: imp.mapping },
            },
          );

        const statuses = await this.imports.rowStatuses(tx, id);
        this.checkDecisions(statuses, exclude, include);

        const excludeSet = new Set(exclude);
        const existingBefore = [...statuses.values()].filter((s) => s === 'EXISTING').length;
        const becameExisting = await this.imports.markExisting(tx, id, ['VALID', 'DUPLICATE'], exclude);
        const claimed = await this.imports.claimRows(tx, id, include, exclude);
        const { cases, references } = await this.imports.insertCases(tx, id, actor.userId ?? null);
        if (cases !== claimed) throw new Error(`import ${id}: ${claimed} rows claimed but ${cases} cases inserted`);
        const total = statuses.size;
        const skipped = total - cases;
        await this.imports.finishCommit(tx, id, cases, skipped);
        const existing = existingBefore + becameExisting;
        const excluded = [...statuses.keys()].filter((n) => excludeSet.has(n)).length;
        await this.imports.audit(tx, actor, meta, {
          action: 'import.commit',
          entityType: 'Import',
          entityId: id,
          details: {
            fileName: imp.fileName,
            fileHash: imp.fileHash,
            mapping: used.mapping,
            defaultOfficeCode: used.defaultOfficeCode,
            total,
            created: cases,
            skipped,
            existing,
            excluded,
            duplicatesAccepted: include.length,
            references,
          },
        });
        return { id, created: cases, skipped, existing, excluded };
      });
    } catch (e) {
      if (e instanceof AppError) throw e;
      // Nothing was stored (the transaction rolled back); a new dry run is needed before trying again.
      await this.imports.setStatus(id, 'FAILED').catch(() => undefined);
      if (isUniqueViolation(e))
        throw new AppError(
          'CONFLICT',
          'An external reference was recorded on another case meanwhile: run the dry run again',
        );
      throw e;
    }
  }

  /** Every invalid row excluded, every duplicate excluded or accepted; row numbers that exist. */
  private checkDecisions(statuses: Map<number, string>, exclude: number[], include: number[]): void {
    const errors: FieldError[] = [];
    const unknown = [...exclude, ...include].filter((n) => !statuses.has(n));
    const notDuplicates = include.filter((n) => statuses.has(n) && statuses.get(n) !== 'DUPLICATE');
    const both = include.filter((n) => exclude.includes(n));
    const named = (rows: number[]) =>
      rows.slice(0, NAMED_ROWS).join(', ') + (rows.length > NAMED_ROWS ? ` and ${rows.length - NAMED_ROWS} more` : '');
    if (unknown.length)
      errors.push({ field: 'excludeRows', message: `No such rows: ${named(unknown)}`, code: 'unknown_row' });
    if (notDuplicates.length)
      errors.push({
        field: 'includeDuplicates',
        message: `Not duplicate rows: ${named(notDuplicates)}`,
        code: 'not_duplicate',
      });
    if (both.length)
      errors.push({
        field: 'includeDuplicates',
        message: `Both excluded and included: ${named(both)}`,
        code: 'conflicting',
      });
    if (errors.length) throw AppError.validation(errors, 'Some row numbers cannot be used');

    const excluded = new Set(exclude);
    const included = new Set(include);
    const invalid: number[] = [];
    const duplicates: number[] = [];
    for (const [n, s] of statuses) {
      if (s === 'INVALID' && !excluded.has(n)) invalid.push(n);
      if (s === 'DUPLICATE' && !excluded.has(n) && !included.has(n)) duplicates.push(n);
    }
    if (invalid.length || duplicates.length) {
      const rowErrors: FieldError[] = [
        ...invalid
          .slice(0, NAMED_ROWS)
          .map((n) => ({ field: `rows.${n}`, message: `Row ${n} has errors: exclude it`, code: 'invalid' })),
        ...duplicates
          .slice(0, NAMED_ROWS)
          .map((n) => ({
            field: `rows.${n}`,
            message: `Row ${n} may be a duplicate: exclude it or accept it`,
            code: 'duplicate',
          })),
      ];
      const parts = [
        invalid.length ? `rows with errors: ${named(invalid)}` : '',
        duplicates.length ? `possible duplicates: ${named(duplicates)}` : '',
      ].filter(Boolean);
      throw new AppError('CONFLICT', `Not a clean dry run: ${parts.join('; ')}`, {
        errors: rowErrors,
        details: { invalidRows: invalid, duplicateRows: duplicates },
      });
    }
  }

  // ---------------------------------------------------------------- report

  async report(
    actor: Actor,
    meta: RequestMeta,
    id: string,
    query: ImportReportQuery,
    acceptLanguage: string | undefined,
  ): Promise<ReportFile> {
    const imp = await this.imports.find(id);
    if (!imp) throw AppError.notFound('Import');
    if (!imp.mapping) throw new AppError('CONFLICT', 'Run a dry run first: the report is its result');
    const labels = importReportLabels(reportLanguage(query.lang, acceptLanguage));
    const columns = imp.columns.filter((c) => imp.mapping!.mapping[c]);
    await this.audit.record(null, actor, meta, {
      action: 'import.report',
      entityType: 'Import',
      entityId: id,
      details: { fileName: imp.fileName, format: query.format, rows: imp.rowCount },
    });
    return reportFile(
      query.format,
      imp.fileName,
      this.imports.allRows(id),
      columns,
      { first: columnFor(imp.mapping.mapping, 'firstName'), last: columnFor(imp.mapping.mapping, 'lastName') },
      labels,
    );
  }

  // ---------------------------------------------------------------- saved mappings

  async mappings(): Promise<SavedImportMapping[]> {
    const rows = await this.imports.listMappings();
    return rows.map((r) => this.toSaved(r));
  }

  private toSaved(r: { id: string; name: string; mapping: unknown; createdAt: Date }): SavedImportMapping {
    const parsed = ImportUsedMappingSchema.safeParse(r.mapping);
    return {
      id: r.id,
      name: r.name,
      mapping: parsed.success ? parsed.data.mapping : {},
      defaultOfficeCode: parsed.success ? parsed.data.defaultOfficeCode : null,
      createdAt: r.createdAt.toISOString(),
    };
  }

  async saveMapping(actor: Actor, meta: RequestMeta, body: SaveImportMappingRequest): Promise<SavedImportMapping> {
    return this.db.transaction(async (tx) => {
      const stored: ImportUsedMapping = { mapping: body.mapping, defaultOfficeCode: body.defaultOfficeCode ?? null };
      const row = await this.imports.saveMapping(tx, body.name, stored, actor.userId!);
      await this.audit.record(tx, actor, meta, {
        action: 'import.mapping.save',
        entityType: 'ImportMapping',
        entityId: row.id,
        details: { name: body.name, mapping: body.mapping, defaultOfficeCode: stored.defaultOfficeCode },
      });
      return this.toSaved(row);
    });
  }

  async deleteMapping(actor: Actor, meta: RequestMeta, mappingId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const removed = await this.imports.deleteMapping(tx, mappingId);
      if (!removed) throw AppError.notFound('Mapping');
      await this.audit.record(tx, actor, meta, {
        action: 'import.mapping.delete',
        entityType: 'ImportMapping',
        entityId: mappingId,
        details: { name: removed.name },
      });
    });
  }
}
