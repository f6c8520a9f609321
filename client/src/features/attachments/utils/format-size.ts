import type { TFunction } from 'i18next';

/** "2.4 MB", "830 KB": sizes in the units people know, the number written the interface's way. */
export function formatSize(bytes: number, t: TFunction<'attachments'>): string {
  if (bytes < 1024) return t('size.bytes', { value: bytes });
  if (bytes < 1024 * 1024) return t('size.kb', { value: Math.max(1, Math.round(bytes / 1024)) });
  const mb = bytes / (1024 * 1024);
  return t('size.mb', { value: t('size.decimal', { int: Math.floor(mb), frac: Math.floor((mb * 10) % 10) }) });
}
