import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DRY_RUN_FIRST_ROWS,
  foldName,
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
import { byScore, CANDIDATES_KEPT, FileDuplicates } from './file-duplicates.js';
import { proposeMapping } from './header-mapping.js';
import { fatherSimilarity } from './trigram.js';
import { openTable, type Delimiter, type FileLayout, type TextEncodingName } from './import-file.js';
import { importReportLabels, reportFile, type ReportFile } from './import-report.js';
import { COMMUNITY_ALIASES, ReferenceResolver } from './import-values.js';
import {
  ImportsRepository,
  type CandidateRow,
  type ImportTx,
  type StageRow,
  type StoredImport,
  type StoredRow,
} from './imports.repository.js';
import { buildRow, planColumns, type RowContext } from './row-builder.js';
import type { Upload } from './upload.js';

const BATCH_ROWS = 2000;
const SAMPLE_ROWS = 5;
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
    // Control characters (a NUL cannot even be stored, CR/LF would reach the report's download
    // header) are dropped from the name the browser sent.
    const fileName =
      (file.fileName ?? '')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]/g, '')
        .trim()
        .slice(0, 200) || `import.${table.layout.format}`;
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
      await this.imports.createStage(tx);
      const table = await openTable(await this.imports.fileData(tx, id), layoutOf(imp));
      const plan = planColumns(imp.columns, body.mapping);
      const referenceRows = new Map<string, number>();
      const inFile = new FileDuplicates();
      let batch: StageRow[] = [];
      for await (const row of table.rows) {
        const built = buildRow(row.cells, plan, ctx);
        const data = built.data;
        if (data) {
          // The same reference twice in the file: the later row is refused (the earlier one decides).
          data.externalReferences.forEach((ref, i) => {
            const earlier = referenceRows.get(`${ref.system}:${ref.reference.toUpperCase()}`);
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
        }
        const valid = data !== null && built.errors.length === 0;
        let stage: StageRow = {
          rowNumber: row.rowNumber,
          status: 'INVALID',
          values: built.values,
          data: null,
          errors: built.errors,
          last: null,
          first: null,
          father: null,
          birthYear: null,
          municipalityId: null,
          fileCandidates: null,
        };
        if (valid) {
          for (const ref of data.externalReferences)
            referenceRows.set(`${ref.system}:${ref.reference.toUpperCase()}`, row.rowNumber);
          const person = {
            rowNumber: row.rowNumber,
            firstName: data.firstName,
            lastName: data.lastName,
            fatherName: data.fatherName,
            first: foldName(data.firstName),
            last: foldName(data.lastName),
            father: data.fatherName ? foldName(data.fatherName) || null : null,
            birthYear: data.birthYear,
            municipalityId: data.lastSeenMunicipalityId,
          };
          const fileCandidates = inFile.check(person);
          stage = {
            ...stage,
            status: 'VALID',
            data,
            errors: null,
            last: person.last,
            first: person.first,
            father: person.father,
            birthYear: person.birthYear,
            municipalityId: person.municipalityId,
            fileCandidates: fileCandidates.length ? fileCandidates : null,
          };
        }
        batch.push(stage);
        if (batch.length >= BATCH_ROWS) {
          await this.imports.insertStage(tx, batch);
          batch = [];
        }
      }
      await this.imports.insertStage(tx, batch);
      const parsedAt = Date.now();

      await this.imports.findExisting(tx);
      const existingAt = Date.now();
      await this.findDuplicates(tx);
      await this.imports.finishRows(tx, id);

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
        {
          importId: id,
          rows: total,
          readMs: parsedAt - started,
          existingMs: existingAt - parsedAt,
          duplicatesMs: Date.now() - existingAt,
        },
        'Import dry run',
      );
      const first = await this.imports.rowsPage({ id, status: 'DRY_RUN' }, 'all', 1, DRY_RUN_FIRST_ROWS, tx);
      return { id, ...summary, rows: first.items.map((r) => this.toRow(r, used.mapping)) };
    });
  }

  /**
   * Scores the candidate cases the SQL found (the case feature's weights), adds the row's
   * candidates within the file, and records the rows that have any.
   */
  private async findDuplicates(tx: ImportTx): Promise<void> {
    let pending: { rowNumber: number; candidates: ImportCandidate[] }[] = [];
    let current: CandidateRow[] = [];
    const close = (pairs: CandidateRow[]) => {
      const found: ImportCandidate[] = [...(pairs[0].file_candidates ?? [])];
      for (const p of pairs) {
        if (!p.case_id) continue;
        const { score, reasons } = scoreDuplicate({
          lastNameSimilarity: p.last_sim,
          firstNameSimilarity: p.first_sim,
          fatherNameSimilarity: p.row_father && p.father_fold ? fatherSimilarity(p.row_father, p.father_fold) : null,
          birthYearDifference:
            p.birth_year !== null && p.row_birth_year !== null ? Math.abs(p.birth_year - p.row_birth_year) : null,
          sameMunicipality: p.same_municipality,
        });
        if (score < DUPLICATE_MIN_SCORE) continue;
        found.push({
          caseId: p.case_id,
          caseNumber: p.case_number,
          rowNumber: null,
          firstName: p.first_name ?? '',
          lastName: p.last_name ?? '',
          fatherName: p.father_name,
          birthYear: p.birth_year,
          score,
          reasons,
        });
      }
      // A row with no close enough case keeps its file candidates (finishRows reads them from the stage).
      if (found.length > (pairs[0].file_candidates?.length ?? 0))
        pending.push({ rowNumber: pairs[0].row_number, candidates: found.sort(byScore).slice(0, CANDIDATES_KEPT) });
    };
    // Rows arrive in order, one line per candidate case: a row's group is complete when the next row starts.
    for await (const batch of this.imports.candidates(tx)) {
      for (const pair of batch) {
        if (current.length && current[0].row_number !== pair.row_number) {
          close(current);
          current = [];
        }
        current.push(pair);
      }
      if (pending.length >= BATCH_ROWS) {
        await this.imports.insertDuplicates(tx, pending);
        pending = [];
      }
    }
    if (current.length) close(current);
    await this.imports.insertDuplicates(tx, pending);
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
    const page = await this.imports.rowsPage(imp, query.filter, query.page, query.pageSize);
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
    const listedExclude = [...new Set(body.excludeRows ?? [])];
    const listedInclude = [...new Set(body.includeDuplicates ?? [])];
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
        const { exclude, include } = this.decisions(statuses, listedExclude, listedInclude, body);

        const excludeSet = new Set(exclude);
        const existingBefore = [...statuses.values()].filter((s) => s === 'EXISTING').length;
        const t0 = Date.now();
        const becameExisting = await this.imports.markExisting(tx, id, ['VALID', 'DUPLICATE'], exclude);
        const claimed = await this.imports.acceptRows(tx, id, include, exclude);
        const t1 = Date.now();
        const { cases, references } = await this.imports.insertCases(tx, id, actor.userId ?? null);
        this.logger.log({ importId: id, cases, claimMs: t1 - t0, insertMs: Date.now() - t1 }, 'Import commit');
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
            excludeInvalid: body.excludeInvalid ?? false,
            duplicates: body.duplicates ?? null,
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

  /**
   * The rows left out and the duplicates imported anyway: those listed, and those the bulk choices
   * (excludeInvalid, duplicates) cover. Refused unless every invalid row is left out and every
   * duplicate left out or accepted, naming the rows.
   */
  private decisions(
    statuses: Map<number, string>,
    listedExclude: number[],
    listedInclude: number[],
    body: Pick<CommitRequest, 'excludeInvalid' | 'duplicates'>,
  ): { exclude: number[]; include: number[] } {
    const exclude = new Set(listedExclude);
    const include = new Set(listedInclude);
    this.checkDecisions(statuses, listedExclude, listedInclude, body);
    for (const [n, s] of statuses) {
      if (s === 'INVALID') exclude.add(n);
      if (s === 'DUPLICATE' && !exclude.has(n) && !include.has(n))
        (body.duplicates === 'include' ? include : exclude).add(n);
    }
    return { exclude: [...exclude], include: [...include] };
  }

  private checkDecisions(
    statuses: Map<number, string>,
    exclude: number[],
    include: number[],
    body: Pick<CommitRequest, 'excludeInvalid' | 'duplicates'>,
  ): void {
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
      if (s === 'INVALID' && !excluded.has(n) && !body.excludeInvalid) invalid.push(n);
      if (s === 'DUPLICATE' && !excluded.has(n) && !included.has(n) && !body.duplicates) duplicates.push(n);
    }
    if (invalid.length || duplicates.length) {
      const rowErrors: FieldError[] = [
        ...invalid
          .slice(0, NAMED_ROWS)
          .map((n) => ({ field: `rows.${n}`, message: `Row ${n} has errors: exclude it`, code: 'invalid' })),
        ...duplicates.slice(0, NAMED_ROWS).map((n) => ({
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
      this.imports.allRows(imp),
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
