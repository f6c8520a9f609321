// The printable portal access letter: one A4 page with the portal address, the case number and
// the code in a large monospace font, in the relative's language(s). DejaVu fonts are embedded
// (subset) because they cover every Albanian and Serbian Latin/Cyrillic letter.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { LETTER_TEXTS, type LetterLanguage } from './letter-texts.js';

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  sans: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  italic: join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
  mono: join(FONT_DIR, 'DejaVuSansMono-Bold.ttf'),
};

export interface LetterInput {
  languages: LetterLanguage[];
  portalUrl: string;
  caseNumber: string;
  accessCode: string;
  office: { name: string; phone: string | null; hours: string | null; address: string | null };
}

const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#9a9a9a';

export function renderPortalLetter(input: LetterInput): Promise<Buffer> {
  const texts = input.languages.map((l) => LETTER_TEXTS[l]);
  const bilingual = texts.length > 1;
  const body = bilingual ? 10 : 13;
  const gap = bilingual ? 0.35 : 0.5;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 36, left: 56, right: 56 },
    lang: texts[0].lang,
    info: { Title: texts.map((t) => t.title).join(' / '), Creator: 'MPRC', Producer: 'MPRC' },
  });
  doc.registerFont('Sans', FONTS.sans);
  doc.registerFont('Bold', FONTS.bold);
  doc.registerFont('Italic', FONTS.italic);
  doc.registerFont('Mono', FONTS.mono);

  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labels = (pick: (t: (typeof texts)[number]) => string) => texts.map(pick).join(' / ');

  doc.font('Sans').fontSize(9).fillColor(MUTED).text(input.office.name, { width });
  doc.moveDown(0.8);
  for (const t of texts)
    doc
      .font('Bold')
      .fontSize(bilingual ? 15 : 22)
      .fillColor(INK)
      .text(t.title, { width });
  doc.moveDown(0.5);
  for (const t of texts) {
    doc.font('Sans').fontSize(body).fillColor(INK).text(t.intro, { width, lineGap: 1.5 });
    doc.moveDown(gap);
  }

  // The three things to type, in a framed block.
  doc.moveDown(0.4);
  const boxTop = doc.y;
  const pad = 14;
  const inner = { x: left + pad, width: width - 2 * pad };
  doc.y = boxTop + pad;
  const field = (label: string, value: string, font: string, size: number) => {
    doc.font('Sans').fontSize(9).fillColor(MUTED).text(label, inner.x, doc.y, { width: inner.width });
    doc.moveDown(0.15);
    doc.font(font).fontSize(size).fillColor(INK).text(value, inner.x, doc.y, { width: inner.width });
    doc.moveDown(0.6);
  };
  field(
    labels((t) => t.portalLabel),
    input.portalUrl,
    'Bold',
    14,
  );
  field(
    labels((t) => t.caseLabel),
    input.caseNumber,
    'Mono',
    20,
  );
  field(
    labels((t) => t.codeLabel),
    input.accessCode,
    'Mono',
    32,
  );
  const boxBottom = doc.y + pad - 8;
  doc
    .lineWidth(1.2)
    .strokeColor(RULE)
    .roundedRect(left, boxTop, width, boxBottom - boxTop, 6)
    .stroke();
  doc.x = left;
  doc.y = boxBottom + 16;

  for (const t of texts) {
    doc
      .font('Bold')
      .fontSize(body + 1)
      .fillColor(INK)
      .text(t.stepsTitle, left, doc.y, { width });
    doc.moveDown(0.2);
    t.steps.forEach((step, i) => {
      doc
        .font('Sans')
        .fontSize(body)
        .text(`${i + 1}.  ${step}`, left + 8, doc.y, { width: width - 8, lineGap: 1.5, indent: 0 });
      doc.moveDown(0.15);
    });
    doc.moveDown(0.2);
    doc
      .font('Sans')
      .fontSize(body - 1)
      .fillColor(MUTED)
      .text(t.safety, left, doc.y, { width, lineGap: 1 });
    doc.fillColor(INK).moveDown(gap + 0.2);
  }

  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  doc.moveDown(0.6);
  const contact = (label: string, value: string | null) => {
    if (!value) return;
    doc.font('Sans').fontSize(body).fillColor(MUTED).text(`${label}: `, left, doc.y, { continued: true, width });
    doc.font('Bold').fillColor(INK).text(value);
  };
  contact(
    labels((t) => t.officeLabel),
    [input.office.name, input.office.address].filter(Boolean).join(', '),
  );
  contact(
    labels((t) => t.phoneLabel),
    input.office.phone,
  );
  contact(
    labels((t) => t.hoursLabel),
    input.office.hours,
  );
  doc.moveDown(0.8);
  for (const t of texts) {
    doc.font('Italic').fontSize(body).fillColor(INK).text(t.closing, left, doc.y, { width });
    doc.moveDown(0.2);
  }

  doc.end();
  return done;
}
