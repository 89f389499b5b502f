import type { TFunction } from 'i18next';

/** What a batch of slips says (the same as the print sheet). */
export interface SlipBatch {
  roundName: string;
  groupName: string;
  unitName?: string;
  codes: string[];
  /** the ballot page the QR codes lead to; the code follows after `#` */
  ballotBase: string;
}

const COLUMNS = 3;
const ROWS = 4;
/** A4 portrait in twips (1/1440 inch), with 1 cm margins */
const PAGE = { width: 11906, height: 16838, margin: 567 };
const CELL_WIDTH = Math.floor((PAGE.width - 2 * PAGE.margin) / COLUMNS);
const CELL_HEIGHT = 3720;
const FONT = 'SimSun';
/** QR image edge in pixels at 96 dpi (~2.4 cm) */
const QR_PX = 92;

function pngBytes(dataUrl: string): Uint8Array {
  const bin = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The batch as a Word document (评议票.docx), generated in the browser so the codes never travel back to
 * the server: A4 pages of 3 × 4 slips in dashed cells, each with the round, group and unit, the QR code of
 * `${ballotBase}#${code}`, the short code and how to vote — the print sheet's content, for offices that
 * print from Word. The library is loaded only when a user asks for the file.
 */
export async function slipsDocx(batch: SlipBatch, t: TFunction): Promise<Blob> {
  const [docx, { default: QRCode }] = await Promise.all([import('docx'), import('qrcode')]);
  const { AlignmentType, BorderStyle, Document, HeightRule, ImageRun, Packer, Paragraph, Table } = docx;
  const { TableCell, TableRow, TextRun, VerticalAlign, WidthType } = docx;

  const text = (s: string, opts: { bold?: boolean; size?: number } = {}) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
      children: [new TextRun({ text: s, font: FONT, size: opts.size ?? 18, bold: opts.bold ?? false })],
    });
  const dashed = { style: BorderStyle.DASHED, size: 4, color: '888888' };
  const borders = { top: dashed, bottom: dashed, left: dashed, right: dashed };

  const slip = async (code: string) =>
    new TableCell({
      width: { size: CELL_WIDTH, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders,
      children: [
        text(t('tokenSheet.slipTitle'), { bold: true, size: 22 }),
        text(batch.roundName),
        text(t('tokenSheet.group', { group: batch.groupName })),
        ...(batch.unitName ? [text(t('tokenSheet.unit', { unit: batch.unitName }))] : []),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: pngBytes(
                await QRCode.toDataURL(`${batch.ballotBase}#${code}`, {
                  errorCorrectionLevel: 'M',
                  margin: 2,
                  scale: 6,
                }),
              ),
              transformation: { width: QR_PX, height: QR_PX },
              altText: { name: code, title: code, description: t('tokenSheet.qrAlt', { code }) },
            }),
          ],
        }),
        text(code, { bold: true, size: 26 }),
        text(`${t('tokenSheet.instr1')}${batch.ballotBase}`, { size: 15 }),
        text(t('tokenSheet.instr2'), { size: 15 }),
      ],
    });
  const blank = () =>
    new TableCell({
      width: { size: CELL_WIDTH, type: WidthType.DXA },
      borders,
      children: [new Paragraph('')],
    });

  const perPage = COLUMNS * ROWS;
  const pages = Math.ceil(batch.codes.length / perPage);
  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [];
  for (let p = 0; p < pages; p++) {
    const codes = batch.codes.slice(p * perPage, (p + 1) * perPage);
    children.push(
      new Paragraph({
        pageBreakBefore: p > 0,
        spacing: { after: 120 },
        children: [
          new TextRun({
            text:
              t('tokenSheet.pageHeader', {
                round: batch.roundName,
                group: batch.groupName,
                page: p + 1,
                pages,
              }) + (batch.unitName ? ` · ${batch.unitName}` : ''),
            font: FONT,
            size: 16,
            color: '666666',
          }),
        ],
      }),
    );
    const rows = [];
    for (let r = 0; r * COLUMNS < codes.length; r++) {
      const cells = [];
      for (let c = 0; c < COLUMNS; c++) {
        const code = codes[r * COLUMNS + c];
        cells.push(code === undefined ? blank() : await slip(code));
      }
      rows.push(
        new TableRow({
          cantSplit: true,
          height: { value: CELL_HEIGHT, rule: HeightRule.EXACT },
          children: cells,
        }),
      );
    }
    children.push(
      new Table({
        width: { size: CELL_WIDTH * COLUMNS, type: WidthType.DXA },
        columnWidths: Array.from({ length: COLUMNS }, () => CELL_WIDTH),
        rows,
      }),
    );
  }

  const doc = new Document({
    title: t('tokenSheet.docTitle', { round: batch.roundName, group: batch.groupName }),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBlob(doc);
}
