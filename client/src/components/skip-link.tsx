import { useTranslation } from 'react-i18next';
import classes from './skip-link.module.css';

/** First focusable element of the page: jumps over the header and navigation to `<main>`. */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation('common');
  return (
    <a
      className={classes.root}
      href={`#${targetId}`}
      onClick={(event) => {
        // Move focus without a hash navigation, which the router would treat as a new location.
        const target = document.getElementById(targetId);
        if (!target) return;
        event.preventDefault();
        target.focus();
        target.scrollIntoView();
      }}
    >
      {t('skipToContent')}
    </a>
  );
}
