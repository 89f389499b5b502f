import { currentLanguage } from '../i18n/index.ts';

/** Local date-time, e.g. 2025/03/01 14:05:09, or '—'. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(currentLanguage(), { hour12: false });
}

/** Local date, e.g. 2025/03/01, or '—'. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(currentLanguage());
}
