import { cnDate } from '@ganbu/core';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

/**
 * 任前公示 as an A4 Word document laid out as printed notices are: the heading, the opening sentence, one
 * paragraph per person (name, gender, born 年月, education, current post, proposed post), the period
 * (公示时间) with the working days it counts, how to reach the department (the contact), the issuer and date.
 */
export interface NoticePerson {
  name: string;
  gender: string;
  birthDate: string | null;
  education: string;
  currentPost: string;
  proposedPost: string;
}

export interface NoticeDocInput {
  heading: string;
  people: NoticePerson[];
  start: string;
  end: string;
  workingDays: number;
  contact: string;
  issuer: string;
}

const FONT = 'FangSong';
const run = (text: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
  new TextRun({ text, font: opts.font ?? FONT, size: opts.size ?? 32, bold: opts.bold ?? false });

const centred = (text: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(text, opts)] });

const body = (text: string) =>
  new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(text)] });

const GENDER: Record<string, string> = { male: '男', female: '女' };
const birthMonth = (d: string | null) => (d ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月生` : '');

/** One person as the notice prints them: 张三，男，1985年3月生，大学学历，现任…，拟任…。 */
export function personLine(p: NoticePerson): string {
  const parts = [
    p.name,
    GENDER[p.gender] ?? p.gender,
    birthMonth(p.birthDate),
    p.education ? `${p.education}学历` : '',
    p.currentPost ? `现任${p.currentPost}` : '',
  ].filter((x) => x !== '');
  return `${parts.join('，')}，拟任${p.proposedPost}。`;
}

export async function noticeDocx(n: NoticeDocInput): Promise<Buffer> {
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
          centred(n.heading, { bold: true, size: 44, font: 'SimHei' }),
          body('根据《党政领导干部选拔任用工作条例》等有关规定，经研究，现将以下同志拟任职情况予以公示：'),
          ...n.people.map((p, i) => body(`${i + 1}. ${personLine(p)}`)),
          body(`公示时间：${cnDate(n.start)}至${cnDate(n.end)}（${n.workingDays}个工作日）。`),
          body(
            '公示期间，对公示对象有不同意见或反映问题的，可通过来信、来电、来访等方式向组织部门反映。' +
              '反映问题要实事求是，以个人名义反映的提倡署实名并提供联系方式，以便核实。',
          ),
          ...(n.contact ? [body(`受理方式：${n.contact}`)] : []),
          new Paragraph({
            spacing: { before: 600 },
            alignment: AlignmentType.RIGHT,
            children: [run(n.issuer)],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(cnDate(n.start))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
