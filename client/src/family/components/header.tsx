import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, usePath } from '../lib/router';
import classes from '../family.module.css';
import { LanguageSelect } from './language-select';

export interface HeaderNav {
  home: string;
  severalCases: boolean;
  onSignOut: () => Promise<void>;
}

/** Every page: the center's name, the language switch, and once signed in the portal's few places. */
export function Header({ nav }: { nav?: HeaderNav }) {
  const { t } = useTranslation('family');
  const { t: tCommon } = useTranslation('common');
  const path = usePath();
  const [signingOut, setSigningOut] = useState(false);
  const [failed, setFailed] = useState(false);
  const current = (to: string) => (path === to ? 'page' : undefined);
  return (
    <header className={classes.header}>
      <div className={`${classes.container} ${classes.headerRow}`}>
        <p className={classes.appName}>{tCommon('app.name')}</p>
        {nav && (
          <button
            type="button"
            className={classes.signOut}
            aria-disabled={signingOut || undefined}
            onClick={() => {
              if (signingOut) return;
              setSigningOut(true);
              setFailed(false);
              nav.onSignOut().then(
                () => setSigningOut(false),
                () => {
                  setSigningOut(false);
                  setFailed(true);
                },
              );
            }}
          >
            {t('nav.signOut')}
          </button>
        )}
      </div>
      <div className={classes.container}>
        <LanguageSelect />
      </div>
      {nav && (
        <>
          <div role="alert" className={classes.container}>
            {failed && <p className={classes.alert}>{t('nav.signOutFailed')}</p>}
          </div>
          <nav aria-label={t('nav.label')} className={classes.nav}>
            <ul className={`${classes.container} ${classes.navList}`}>
              <li>
                <Link to={nav.home} aria-current={current(nav.home)} className={classes.navLink}>
                  {nav.severalCases ? t('nav.cases') : t('nav.case')}
                </Link>
              </li>
              <li>
                <Link to="/family/contact" aria-current={current('/family/contact')} className={classes.navLink}>
                  {t('nav.contact')}
                </Link>
              </li>
            </ul>
          </nav>
        </>
      )}
    </header>
  );
}
