import type { Clarification } from '@ganbu/core';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

/**
 * 澄清正名通报 as an A4 Word document: the title, the 文号, the report received, the verification and the
 * conclusion, and the statement that it does not count against the cadre. Only for a report concluded 不实
 * or 诬告陷害 (the service checks).
 */
export interface NoticeInput {
  clarification: Clarification;
  /** the issuing body as written on the notice (the district's 纪检 office) */
  issuer: string;
  issuedOn: string;
}

const FONT = 'FangSong';
const run = (text: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
  new TextRun({ text, font: opts.font ?? FONT, size: opts.size ?? 32, bold: opts.bold ?? false });

const centred = (text: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(text, opts)] });

/** A body paragraph, indented by two characters as official documents are. */
const body = (text: string) =>
  new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(text)] });

const cnDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export async function clarificationNoticeDocx({
  clarification: k,
  issuer,
  issuedOn,
}: NoticeInput): Promise<Buffer> {
  const verdict = k.conclusion === 'false_accusation' ? '系诬告陷害' : '反映问题不属实';
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2000, bottom: 1800, left: 1600, right: 1500 },
          },
        },
        children: [
          centred('澄清正名通报', { bold: true, size: 44, font: 'SimHei' }),
          centred(k.documentNo ?? ''),
          body(
            `${cnDate(k.receivedOn)}，经${k.channel}收到反映${k.unitName}${k.cadreName}同志有关问题的线索。` +
              `反映的主要问题是：${k.allegation}`,
          ),
          body(`经核查：${k.verification}`),
          body(
            `${k.concludedOn ? cnDate(k.concludedOn) : ''}经研究认定，${verdict}。现予以澄清正名，` +
              '该问题不影响该同志的选拔任用、考核评价、评先评优等，希望该同志放下包袱、轻装上阵，继续担当作为。',
          ),
          new Paragraph({
            spacing: { before: 600 },
            alignment: AlignmentType.RIGHT,
            children: [run(issuer)],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(cnDate(issuedOn))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
