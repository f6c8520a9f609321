// What other features may use from reports: the downloads panel (CSV, XLSX, PDF of filtered cases).
export { DownloadsCard } from './components/downloads-card';
export { exportUrl, summaryPdfUrl, type ReportFilters } from './utils/download-urls';
