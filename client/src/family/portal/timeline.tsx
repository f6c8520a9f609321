import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format-date';
import { apiUrl } from '../lib/api';
import { useStageTitle } from './stage';
import type { FamilyTimelineItem } from './types';
import classes from './portal.module.css';

/** What has happened, newest first: stage changes, news, visits and calls, documents. */
export function Timeline({ caseId, items }: { caseId: string; items: FamilyTimelineItem[] }) {
  const { t } = useTranslation('family');
  const stageTitle = useStageTitle();

  function content(item: FamilyTimelineItem) {
    switch (item.kind) {
      case 'CASE_OPENED':
        return { title: t('timeline.opened'), body: <p>{t('timeline.openedText')}</p> };
      case 'STAGE_CHANGED':
        return {
          title: t('timeline.stage', { stage: stageTitle(item.stage) }),
          body: item.message ? <OfficerMessage text={item.message} /> : null,
        };
      case 'UPDATE':
        return { title: t('timeline.update'), body: <OfficerMessage text={item.message} /> };
      case 'CONTACT':
        return {
          title: t(`timeline.contact.${item.channel}`),
          body: <p className={classes.prewrap}>{item.summary}</p>,
        };
      case 'DOCUMENT':
        return {
          title: t('timeline.document'),
          body: (
            <p>
              <a href={apiUrl(`/cases/${caseId}/attachments/${item.attachmentId}/content`)} download={item.fileName}>
                {item.fileName}
              </a>
            </p>
          ),
        };
    }
  }

  return (
    <ol className={classes.timeline}>
      {items.map((item, index) => {
        const { title, body } = content(item);
        return (
          <li key={`${item.kind}-${item.at}-${index}`} className={classes.timelineItem}>
            <time dateTime={item.at} className={classes.meta}>
              {formatDate(item.at)}
            </time>
            <h3 className={classes.itemTitle}>{title}</h3>
            {body}
          </li>
        );
      })}
    </ol>
  );
}

function OfficerMessage({ text }: { text: string }) {
  const { t } = useTranslation('family');
  return (
    <figure className={classes.quote}>
      <figcaption className={classes.meta}>{t('timeline.fromOfficer')}</figcaption>
      <blockquote className={classes.prewrap}>{text}</blockquote>
    </figure>
  );
}
