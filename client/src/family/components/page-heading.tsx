import { useEffect, useRef, type ReactNode } from 'react';
import { useDocumentTitle } from '@/lib/use-document-title';
import { hasNavigated } from '../lib/router';
import classes from '../family.module.css';

/**
 * The page's one h1, which also names the browser tab. After a move between pages it takes the
 * focus, so a screen reader announces the new page and the keyboard starts from its top.
 */
export function PageHeading({ children, documentTitle }: { children: ReactNode; documentTitle: string }) {
  useDocumentTitle(documentTitle);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={classes.title}>
      {children}
    </h1>
  );
}
