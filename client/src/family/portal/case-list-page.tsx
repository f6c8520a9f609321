import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format-date';
import { PageHeading } from '../components/page-heading';
import { Loading } from '../components/loading';
import { Link } from '../lib/router';
import { LoadProblem } from './load-problem';
import { useStageTitle } from './stage';
import { useApi } from './use-api';
import type { FamilyCaseList } from './types';
import shared from '../family.module.css';
import classes from './portal.module.css';

/** A family with several missing relatives: one card per case. */
export function CaseListPage() {
  const { t } = useTranslation('family');
  const stageTitle = useStageTitle();
  const { data, error, reload } = useApi<FamilyCaseList>('/cases');
  if (!data) return error ? <LoadProblem error={error} onRetry={reload} /> : <Loading />;
  return (
    <>
      <PageHeading documentTitle={t('cases.title')}>{t('cases.title')}</PageHeading>
      <p className={shared.lead}>{t('cases.intro')}</p>
      <ul className={classes.caseList}>
        {data.items.map((item) => (
          <li key={item.id} className={shared.card}>
            <h2 className={shared.cardTitle}>
              <Link to={`/family/cases/${item.id}`}>
                {item.missingPerson.firstName} {item.missingPerson.lastName}
              </Link>
            </h2>
            <p className={classes.meta}>{t('case.number', { caseNumber: item.caseNumber })}</p>
            <p className={classes.caseStage}>{stageTitle(item.stage)}</p>
            <p className={classes.meta}>
              {t('case.lastUpdate')} <time dateTime={item.lastUpdateAt}>{formatDate(item.lastUpdateAt)}</time>
            </p>
            {item.unreadMessages > 0 && (
              <p className={classes.badge}>{t('messages.unread', { count: item.unreadMessages })}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
