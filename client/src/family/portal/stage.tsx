import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format-date';
import type { FamilyStage } from './types';
import classes from './portal.module.css';

/** The stage's short title in the family's language (never the internal key). */
export function useStageTitle(): (stage: FamilyStage) => string {
  const { t } = useTranslation('family');
  return (stage) => t(`stages.${stage}.title`);
}

/** Where the case stands: a title, what it means and what happens next, and the last update. */
export function StageSummary({ stage, lastUpdateAt }: { stage: FamilyStage; lastUpdateAt: string }) {
  const { t } = useTranslation('family');
  const id = useId();
  return (
    <section aria-labelledby={id} className={classes.stage}>
      <h2 id={id} className={classes.stageHeading}>
        {t('case.stageHeading')}
      </h2>
      <p className={classes.stageTitle}>{t(`stages.${stage}.title`)}</p>
      <p>{t(`stages.${stage}.meaning`)}</p>
      <p>{t(`stages.${stage}.next`)}</p>
      <p className={classes.meta}>
        {t('case.lastUpdate')} <time dateTime={lastUpdateAt}>{formatDate(lastUpdateAt)}</time>
      </p>
    </section>
  );
}
