import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

/**
 * 表彰决定 as an A4 Word document: the title, the 文号, the decision's wording, the honoured grouped by unit
 * (name and post), the issuing body and the date. Only for a decided batch (the service checks).
 */
export interface HonourNoticeInput {
  districtName: string;
  batchName: string;
  kindName: string;
  year: number;
  documentNumber: string;
  decidedOn: string;
  honoured: { unitName: string; name: string; postTitle: string }[];
}

const FONT = 'FangSong';
const run = (text: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
  new TextRun({ text, font: opts.font ?? FONT, size: opts.size ?? 32, bold: opts.bold ?? false });

const centred = (text: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(text, opts)] });

/** A body paragraph, indented by two characters as official documents are. */
const body = (text: string, opts: { bold?: boolean; font?: string } = {}) =>
  new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(text, opts)] });

const cnDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export async function honourNoticeDocx(n: HonourNoticeInput): Promise<Buffer> {
  const byUnit = new Map<string, { name: string; postTitle: string }[]>();
  for (const h of n.honoured) byUnit.set(h.unitName, [...(byUnit.get(h.unitName) ?? []), h]);
  const list = [...byUnit.entries()].flatMap(([unit, people]) => [
    body(`${unit}（${people.length} 名）`, { bold: true, font: 'SimHei' }),
    ...people.map((p) => body(p.postTitle ? `${p.name}　${p.postTitle}` : p.name)),
  ]);
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
          centred(`关于${n.batchName}的表彰决定`, { bold: true, size: 44, font: 'SimHei' }),
          centred(n.documentNumber),
          body(
            `${n.year}年，全区广大干部担当作为、干事创业，涌现出一批先进典型。经单位推荐、资格审查、` +
              `公示，决定对以下 ${n.honoured.length} 名同志予以${n.kindName}。`,
          ),
          ...list,
          body('希望受表彰的同志珍惜荣誉、再接再厉；全区广大干部以先进为榜样，担当作为、争创佳绩。'),
          new Paragraph({
            spacing: { before: 600 },
            alignment: AlignmentType.RIGHT,
            children: [run(`中共${n.districtName}委员会组织部`)],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(cnDate(n.decidedOn))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
