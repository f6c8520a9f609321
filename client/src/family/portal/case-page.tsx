import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format-date';
import { useLanguage } from '@/lib/i18n';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { apiUrl } from '../lib/api';
import { Link } from '../lib/router';
import { formatDay, formatFileSize, officeHours, officeName, telHref } from './format';
import { LoadProblem } from './load-problem';
import { StageSummary } from './stage';
import { Timeline } from './timeline';
import { casePath, type FamilyCaseDetail } from './types';
import { useApi } from './use-api';
import shared from '../family.module.css';
import classes from './portal.module.css';

/** One case: where it stands, the news, documents, the next appointment, and whom to call. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation('family');
  const { data, error, reload } = useApi<FamilyCaseDetail>(casePath(caseId));
  if (!data) return error ? <LoadProblem error={error} onRetry={reload} /> : <Loading />;
  return (
    <>
      <p className={classes.kicker}>{t('case.number', { caseNumber: data.caseNumber })}</p>
      <PageHeading documentTitle={t('case.documentTitle')}>
        {data.missingPerson.firstName} {data.missingPerson.lastName}
      </PageHeading>
      <StageSummary stage={data.stage} lastUpdateAt={data.lastUpdateAt} />
      <MessagesTeaser caseId={data.id} unread={data.unreadMessages} />
      <Appointment caseId={data.id} day={data.nextAppointment} />
      <Section title={t('case.timelineTitle')}>
        <Timeline caseId={data.id} items={data.timeline} />
      </Section>
      {data.attachments.length > 0 && <Documents data={data} />}
      <Office data={data} />
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={shared.section}>
      <h2 id={id} className={shared.sectionTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function MessagesTeaser({ caseId, unread }: { caseId: string; unread: number }) {
  const { t } = useTranslation('family');
  return (
    <Section title={t('messages.title')}>
      <p>{unread > 0 ? <strong>{t('messages.unread', { count: unread })}</strong> : t('case.messagesText')}</p>
      <p>
        <Link to={`/family/cases/${caseId}/messages`} className={shared.buttonLink}>
          {t('case.openMessages')}
        </Link>
      </p>
    </Section>
  );
}

function Appointment({ caseId, day }: { caseId: string; day: string | null }) {
  const { t } = useTranslation('family');
  return (
    <Section title={t('case.appointmentTitle')}>
      {day ? (
        <>
          <p className={classes.appointment}>
            <time dateTime={day}>{formatDay(day)}</time>
          </p>
          <p>{t('case.appointmentText')}</p>
        </>
      ) : (
        <p>
          {t('case.noAppointment')} <Link to={`/family/cases/${caseId}/messages`}>{t('case.askForMeeting')}</Link>
        </p>
      )}
    </Section>
  );
}

function Documents({ data }: { data: FamilyCaseDetail }) {
  const { t } = useTranslation('family');
  const { language } = useLanguage();
  return (
    <Section title={t('case.documentsTitle')}>
      <ul className={classes.documents}>
        {data.attachments.map((a) => (
          <li key={a.id}>
            <a href={apiUrl(`/cases/${data.id}/attachments/${a.id}/content`)} download={a.fileName}>
              {a.fileName}
            </a>
            <span className={classes.meta}>
              {' '}
              ({formatFileSize(a.size, language)}, {formatDate(a.createdAt)})
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Office({ data }: { data: FamilyCaseDetail }) {
  const { t } = useTranslation('family');
  const { language } = useLanguage();
  const { office, liaisonOfficer } = data;
  const hours = officeHours(office, language);
  return (
    <Section title={t('case.officeTitle')}>
      <dl className={classes.details}>
        <div>
          <dt>{t('case.officer')}</dt>
          <dd>{liaisonOfficer ? liaisonOfficer.name : t('case.noOfficer')}</dd>
        </div>
        <div>
          <dt>{t('case.office')}</dt>
          <dd>{officeName(office, language)}</dd>
        </div>
        {office.phone && (
          <div>
            <dt>{t('case.phone')}</dt>
            <dd>
              <a href={telHref(office.phone)} className={classes.phone}>
                {office.phone}
              </a>
            </dd>
          </div>
        )}
        {office.email && (
          <div>
            <dt>{t('case.email')}</dt>
            <dd>
              <a href={`mailto:${office.email}`}>{office.email}</a>
            </dd>
          </div>
        )}
        {hours && (
          <div>
            <dt>{t('case.hours')}</dt>
            <dd className={classes.prewrap}>{hours}</dd>
          </div>
        )}
        {office.address && (
          <div>
            <dt>{t('case.address')}</dt>
            <dd className={classes.prewrap}>{office.address}</dd>
          </div>
        )}
      </dl>
    </Section>
  );
}
