import { Anchor, Stack } from '@mantine/core';
import type { ImportResponse, ImportRowFilter } from '@mprc/contracts';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { RequirePermission } from '@/features/auth';
import { useDryRun, useImport } from '../api/imports';
import { CommitPanel, CommitResult } from '../components/commit-panel';
import { DryRunReport } from '../components/dry-run-report';
import { FileSummary } from '../components/file-summary';
import { MappingEditor } from '../components/mapping-editor';
import type { Decisions } from '../utils/decisions';
import { initialDraft, sameMapping, type MappingDraft } from '../utils/mapping';

function ImportSteps({ imp }: { imp: ImportResponse }) {
  const { t } = useTranslation('imports');
  const dryRun = useDryRun(imp.id);
  const [draft, setDraft] = useState<MappingDraft>(() => initialDraft(imp));
  const [decisions, setDecisions] = useState<Decisions>(new Map());
  const [filter, setFilter] = useState<ImportRowFilter>('all');
  const [page, setPage] = useState(1);
  const committed = imp.status === 'COMMITTED';
  const checked = imp.usedMapping !== null && (imp.status === 'DRY_RUN' || committed);
  const stale = !sameMapping(draft, imp.usedMapping);

  const run = () =>
    dryRun.mutate(
      { mapping: draft.mapping, ...(draft.defaultOfficeCode ? { defaultOfficeCode: draft.defaultOfficeCode } : {}) },
      {
        onSuccess: (result) => {
          setDecisions(new Map());
          setFilter(result.invalid ? 'invalid' : result.duplicates ? 'duplicates' : 'all');
          setPage(1);
        },
      },
    );

  return (
    <>
      <FileSummary imp={imp} />
      {committed ? <CommitResult imp={imp} /> : null}
      {!committed ? (
        <MappingEditor
          imp={imp}
          draft={draft}
          onChange={setDraft}
          onRun={run}
          running={dryRun.isPending}
          changed={stale}
        />
      ) : null}
      {dryRun.isError ? <QueryErrorAlert title={t('mapping.runFailed')} error={dryRun.error} /> : null}
      {checked ? (
        <DryRunReport
          imp={imp}
          filter={filter}
          onFilter={(f) => {
            setFilter(f);
            setPage(1);
          }}
          page={page}
          onPage={setPage}
          decisions={decisions}
          onDecisions={setDecisions}
        />
      ) : null}
      {checked && !committed ? <CommitPanel imp={imp} draft={draft} decisions={decisions} stale={stale} /> : null}
    </>
  );
}

function ImportPage() {
  const { t } = useTranslation('imports');
  const { importId = '' } = useParams();
  const imp = useImport(importId);
  return (
    <Page title={imp.data ? t('detail.title', { file: imp.data.fileName }) : t('detail.loading')}>
      <Anchor component={Link} to="/imports" size="sm">
        <IconArrowLeft size={14} aria-hidden="true" /> {t('detail.back')}
      </Anchor>
      {imp.isPending ? (
        <PageLoader />
      ) : imp.isError ? (
        <QueryErrorAlert title={t('detail.error')} error={imp.error} onRetry={() => void imp.refetch()} />
      ) : (
        <Stack gap="lg">
          <ImportSteps key={imp.data.id} imp={imp.data} />
        </Stack>
      )}
    </Page>
  );
}

/** /imports/:importId: map the columns, check every row (dry run), create the cases. */
export function ImportRoute() {
  return (
    <RequirePermission permission="import.manage">
      <ImportPage />
    </RequirePermission>
  );
}
