// The printable case report: title, date, filters, key figures, and for each breakdown a table
// whose rows carry a horizontal bar (vector graphics), so the chart and its numbers are read
// together. DejaVu Sans is embedded (subset): it has every Albanian and Serbian Latin/Cyrillic
// letter.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ReportGroupBy, ReportSummaryRow } from '@mprc/contracts';
import type { ReportLabels } from './report-labels.js';
import type { KeyFigures } from './reports.repository.js';

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const SANS = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#c8c8c8';
const BAR = '#1c6fb8';
const BAR_EMPTY = '#eef2f6';

export interface SummaryPdfInput {
  labels: ReportLabels;
  generatedAt: string;
  generatedBy: string;
  filters: { label: string; value: string }[];
  figures: KeyFigures;
  breakdowns: { groupBy: ReportGroupBy; rows: ReportSummaryRow[] }[];
}

const number = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
const percent = (n: number, total: number) => (total ? `${((100 * n) / total).toFixed(1)} %` : '–');

export function renderSummaryPdf(input: SummaryPdfInput): Promise<Buffer> {
  const { labels } = input;
  const title = labels.text('reportTitle');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 56, left: 48, right: 48 },
    bufferPages: true,
    lang: labels.language,
    info: { Title: title, Creator: 'MPRC', Producer: 'MPRC' },
  });
  doc.registerFont('Sans', SANS);
  doc.registerFont('Bold', BOLD);

  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  // Title block.
  doc.font('Sans').fontSize(9).fillColor(MUTED).text(labels.text('organisation'), left, doc.y, { width });
  doc.moveDown(0.4);
  doc.font('Bold').fontSize(22).fillColor(INK).text(title, { width });
  doc.moveDown(0.2);
  doc
    .font('Sans')
    .fontSize(10)
    .fillColor(MUTED)
    .text(
      `${labels.text('generatedAt')}: ${input.generatedAt} (${labels.text('timeZone')})  ·  ${labels.text('generatedBy')}: ${input.generatedBy}`,
      { width },
    );
  doc.moveDown(0.8);

  // Filters.
  doc.font('Bold').fontSize(12).fillColor(INK).text(labels.text('filters'), { width });
  doc.moveDown(0.2);
  if (!input.filters.length) doc.font('Sans').fontSize(10).text(labels.text('noFilters'), { width });
  for (const f of input.filters) {
    doc.font('Sans').fontSize(10).fillColor(MUTED).text(`${f.label}: `, { continued: true, width });
    doc.fillColor(INK).text(f.value);
  }
  doc.moveDown(0.8);

  // Key figures: one framed box each.
  doc.font('Bold').fontSize(12).fillColor(INK).text(labels.text('keyFigures'), left, doc.y, { width });
  doc.moveDown(0.3);
  const figures: [string, number][] = [
    [labels.text('totalCases'), input.figures.total],
    [labels.text('stillMissing'), input.figures.stillMissing],
    [labels.text('openCases'), input.figures.open],
    [labels.text('closedCases'), input.figures.closed],
    [labels.text('overdueFollowUps'), input.figures.overdueFollowUps],
  ];
  const gap = 8;
  const boxWidth = (width - gap * (figures.length - 1)) / figures.length;
  const boxHeight = 58;
  ensure(boxHeight);
  const boxTop = doc.y;
  figures.forEach(([label, value], i) => {
    const x = left + i * (boxWidth + gap);
    doc.lineWidth(0.8).roundedRect(x, boxTop, boxWidth, boxHeight, 4).strokeColor(RULE).stroke();
    doc
      .font('Bold')
      .fontSize(17)
      .fillColor(INK)
      .text(number(value), x + 8, boxTop + 8, { width: boxWidth - 16, lineBreak: false });
    doc
      .font('Sans')
      .fontSize(8)
      .fillColor(MUTED)
      .text(label, x + 8, boxTop + 32, { width: boxWidth - 16, height: 22 });
  });
  doc.x = left;
  doc.y = boxTop + boxHeight + 16;

  // Breakdowns: label | count | share | bar.
  const rowHeight = 15;
  const labelWidth = width * 0.4;
  const countWidth = 60;
  const shareWidth = 55;
  const barX = left + labelWidth + countWidth + shareWidth + 12;
  const barWidth = left + width - barX;
  for (const { groupBy, rows } of input.breakdowns) {
    const total = rows.reduce((sum, r) => sum + r.count, 0);
    const max = Math.max(1, ...rows.map((r) => r.count));
    ensure(24 + rowHeight * Math.min(rows.length + 1, 4));
    doc.font('Bold').fontSize(12).fillColor(INK).text(labels.groupTitle(groupBy), left, doc.y, { width });
    doc.moveDown(0.3);
    const header = () => {
      const y = doc.y;
      doc.font('Bold').fontSize(8.5).fillColor(MUTED);
      doc.text(labels.column(columnOf(groupBy)), left, y, { width: labelWidth, lineBreak: false });
      doc.text(labels.text('count'), left + labelWidth, y, { width: countWidth, align: 'right', lineBreak: false });
      doc.text(labels.text('share'), left + labelWidth + countWidth, y, {
        width: shareWidth,
        align: 'right',
        lineBreak: false,
      });
      doc
        .moveTo(left, y + rowHeight - 3)
        .lineTo(left + width, y + rowHeight - 3)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      doc.y = y + rowHeight;
    };
    header();
    if (!rows.length) {
      doc.font('Sans').fontSize(9).fillColor(MUTED).text(labels.text('noCases'), left, doc.y, { width });
    }
    for (const row of rows) {
      if (doc.y + rowHeight > bottom()) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      doc.font('Sans').fontSize(9).fillColor(INK);
      doc.text(row.label, left, y, { width: labelWidth - 6, lineBreak: false, ellipsis: true, height: rowHeight });
      doc.text(number(row.count), left + labelWidth, y, { width: countWidth, align: 'right', lineBreak: false });
      doc.fillColor(MUTED).text(percent(row.count, total), left + labelWidth + countWidth, y, {
        width: shareWidth,
        align: 'right',
        lineBreak: false,
      });
      doc
        .rect(barX, y + 1, barWidth, rowHeight - 6)
        .fillColor(BAR_EMPTY)
        .fill();
      if (row.count > 0)
        doc
          .rect(barX, y + 1, Math.max(1, (barWidth * row.count) / max), rowHeight - 6)
          .fillColor(BAR)
          .fill();
      doc.y = y + rowHeight;
    }
    doc.x = left;
    doc.moveDown(1);
  }

  // Page numbers, written last (the margin is lifted so the footer does not open a new page).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Sans')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${title} · ${input.generatedAt} · ${labels.text('page', { page: i + 1, pages: range.count })}`,
        left,
        doc.page.height - 36,
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

function columnOf(groupBy: ReportGroupBy) {
  const map = {
    fateStatus: 'fateStatus',
    workflowStatus: 'workflowStatus',
    community: 'community',
    municipality: 'lastSeenMunicipality',
    yearMissing: 'missingSince',
    sex: 'sex',
    ageGroup: 'ageGroup',
    office: 'office',
  } as const;
  return map[groupBy];
}
