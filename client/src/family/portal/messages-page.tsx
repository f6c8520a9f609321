import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format-date';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { call } from '../lib/api';
import { Link } from '../lib/router';
import { LoadProblem } from './load-problem';
import { MessageForm } from './message-form';
import { casePath, type FamilyCaseDetail, type FamilyMessage } from './types';
import { forget, useApi } from './use-api';
import shared from '../family.module.css';
import classes from './portal.module.css';

/** The conversation with the liaison officer about one case. */
export function MessagesPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation('family');
  const { data, error, reload, update } = useApi<FamilyCaseDetail>(casePath(caseId));
  const hasUnread = !!data?.messages.some((m) => m.from === 'OFFICE' && !m.readAt);
  const listId = useId();

  // Opening the page reads the replies. They stay marked "new" while the page is open.
  useEffect(() => {
    if (!hasUnread) return;
    call(`/cases/${caseId}/messages/read`, { method: 'POST' }).then(
      () => forget('/cases'),
      () => {},
    );
  }, [caseId, hasUnread]);

  if (!data) return error ? <LoadProblem error={error} onRetry={reload} /> : <Loading />;
  const name = `${data.missingPerson.firstName} ${data.missingPerson.lastName}`;
  return (
    <>
      <p className={classes.back}>
        <Link to={`/family/cases/${caseId}`}>{t('messages.back', { name })}</Link>
      </p>
      <PageHeading documentTitle={t('messages.title')}>{t('messages.title')}</PageHeading>
      <p className={shared.lead}>{t('messages.intro', { name, caseNumber: data.caseNumber })}</p>

      <section aria-labelledby={listId} className={shared.section}>
        <h2 id={listId} className={shared.sectionTitle}>
          {t('messages.threadTitle')}
        </h2>
        {data.messages.length === 0 ? (
          <p className={shared.muted}>{t('messages.none')}</p>
        ) : (
          <ol className={classes.thread}>
            {data.messages.map((message) => (
              <MessageItem key={message.id} message={message} />
            ))}
          </ol>
        )}
      </section>

      <MessageForm
        caseId={caseId}
        onSent={(message) => update((detail) => ({ ...detail, messages: [...detail.messages, message] }))}
      />
    </>
  );
}

function MessageItem({ message }: { message: FamilyMessage }) {
  const { t } = useTranslation('family');
  const mine = message.from === 'FAMILY';
  const isNew = !mine && !message.readAt;
  return (
    <li className={`${classes.message} ${mine ? classes.mine : classes.theirs}`}>
      <p className={classes.messageHeader}>
        <strong>{mine ? t('messages.you') : (message.authorName ?? t('messages.office'))}</strong>
        {', '}
        <time dateTime={message.at}>{formatDateTime(message.at)}</time>
        {isNew && <span className={classes.newBadge}>{t('messages.new')}</span>}
      </p>
      <p className={classes.prewrap}>{message.body}</p>
      {message.meetingRequested && <p className={classes.meta}>{t('messages.meetingRequested')}</p>}
    </li>
  );
}
