import { ageAt, currentPostText, formatDot, printedResume, type CadreRecord } from '@ganbu/core';
import {
  AlignmentType,
  Document,
  HeightRule,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * The standard 干部任免审批表 as a two-page A4 Word document: page one the person and the resume,
 * page two rewards, assessments, the reason, family and the approval boxes.
 */
export interface ApprovalFormInput {
  record: CadreRecord;
  /** the cadre's unit: 现任职务 prints a bare title with it (`副主任` → `区委办公室副主任`) */
  orgName: string;
  photo: { mime: string; bytes: Buffer } | null;
  asOf: string;
}

const FONT = 'SimSun';
const WIDTHS = [1300, 1400, 1100, 1400, 1350, 1450, 1900]; // twips, 9,900 in all

const run = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: opts.size ?? 22, bold: opts.bold ?? false });

function para(
  text: string,
  opts: { bold?: boolean; align?: 'center' | 'left'; size?: number } = {},
): Paragraph[] {
  return text.split(/\r\n|\r|\n/).map(
    (line) =>
      new Paragraph({
        alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [run(line, opts)],
      }),
  );
}

function cell(
  text: string,
  opts: {
    span?: number;
    rows?: number;
    label?: boolean;
    left?: boolean;
    /** start at the top (the 简历 box, as the printed form has it) instead of centred */
    top?: boolean;
    children?: Paragraph[];
  } = {},
) {
  return new TableCell({
    columnSpan: opts.span,
    rowSpan: opts.rows,
    verticalAlign: opts.top ? VerticalAlign.TOP : VerticalAlign.CENTER,
    children:
      opts.children ?? para(text, { bold: opts.label ?? false, align: opts.left ? 'left' : 'center' }),
  });
}

const label = (text: string, span?: number, rows?: number) => cell(text, { label: true, span, rows });
const row = (cells: TableCell[], height = 560) =>
  new TableRow({ children: cells, height: { value: height, rule: HeightRule.ATLEAST } });
const dot = (d: string | null) => (d ? formatDot(d.slice(0, 7)) : '');

function photoCell(photo: ApprovalFormInput['photo']): TableCell {
  if (!photo) return cell('照片', { rows: 4 });
  return cell('', {
    rows: 4,
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: photo.mime === 'image/png' ? 'png' : 'jpg',
            data: photo.bytes,
            transformation: { width: 102, height: 136 },
          }),
        ],
      }),
    ],
  });
}

function education(e: CadreRecord['fullTimeEducation']): { level: string; school: string } {
  return {
    level: [e.education, e.degree].filter(Boolean).join('\n'),
    school: [e.school, e.major].filter(Boolean).join(''),
  };
}

export async function approvalFormDocx({
  record: r,
  orgName,
  photo,
  asOf,
}: ApprovalFormInput): Promise<Buffer> {
  const x = r.extras;
  const full = education(r.fullTimeEducation);
  const part = education(r.inServiceEducation);
  const age = ageAt(r.birthDate, asOf);
  const pageOne = new Table({
    width: { size: 9900, type: WidthType.DXA },
    columnWidths: WIDTHS,
    rows: [
      row([
        label('姓名'),
        cell(r.name),
        label('性别'),
        cell(r.gender === 'male' ? '男' : '女'),
        label('出生年月\n（岁）'),
        cell(`${dot(r.birthDate)}\n（${age}岁）`),
        photoCell(photo),
      ]),
      row([
        label('民族'),
        cell(r.ethnicity),
        label('籍贯'),
        cell(r.nativePlace),
        label('出生地'),
        cell(r.birthPlace),
      ]),
      row([
        label('入党时间'),
        cell(dot(r.partyJoinDate) || r.politicalStatus),
        label('参加工作\n时间'),
        cell(dot(r.workStartDate)),
        label('健康状况'),
        cell(r.health),
      ]),
      row([
        label('专业技术\n职务'),
        cell(r.professionalTitle, { span: 2 }),
        label('熟悉专业\n有何专长'),
        cell(r.specialty, { span: 2 }),
      ]),
      row([
        label('学历\n学位', undefined, 2),
        label('全日制\n教育'),
        cell(full.level, { span: 2 }),
        label('毕业院校\n系及专业'),
        cell(full.school, { span: 2, left: true }),
      ]),
      row([
        label('在职\n教育'),
        cell(part.level, { span: 2 }),
        label('毕业院校\n系及专业'),
        cell(part.school, { span: 2, left: true }),
      ]),
      row([label('现任职务', 2), cell(currentPostText({ ...r, orgName }), { span: 5, left: true })]),
      row([label('拟任职务', 2), cell(x.NiRenZhiWu ?? '', { span: 5, left: true })]),
      row([label('拟免职务', 2), cell(x.NiMianZhiWu ?? '', { span: 5, left: true })]),
      row(
        [
          label('简\n\n历'),
          cell('', {
            span: 6,
            top: true,
            children: para(printedResume(r), { align: 'left' }),
          }),
        ],
        6800,
      ),
    ],
  });
  const familyRows = (r.family.length ? r.family : [null, null, null]).map((f) =>
    row([
      cell(f?.relation ?? ''),
      cell(f?.name ?? ''),
      cell(f?.birthDate ? String(ageAt(f.birthDate, asOf)) : ''),
      cell(f?.politicalStatus ?? ''),
      cell(f?.workUnitAndPost ?? '', { span: 2, left: true }),
    ]),
  );
  const pageTwo = new Table({
    width: { size: 9900, type: WidthType.DXA },
    columnWidths: [1300, 1400, 1400, 900, 1500, 3400],
    rows: [
      row([label('奖惩\n情况'), cell(r.rewardsAndPunishments, { span: 5, left: true })], 1400),
      row([label('年度考核\n结果'), cell(r.annualAssessment, { span: 5, left: true })], 1000),
      row([label('任免\n理由'), cell(x.RenMianLiYou ?? '', { span: 5, left: true })], 1000),
      row([
        label('家庭主要\n成员及重\n要社会关\n系', undefined, familyRows.length + 1),
        label('称谓'),
        label('姓名'),
        label('年龄'),
        label('政治面貌'),
        label('工作单位及职务'),
      ]),
      ...familyRows,
      row(
        [
          label('呈报\n单位'),
          cell(x.ChengBaoDanWei ?? '', { span: 2 }),
          label('审批机关\n意见'),
          cell('\n\n（盖章）\n年    月    日', { span: 2 }),
        ],
        1600,
      ),
    ],
  });
  const doc = new Document({
    creator: 'ganbu-care',
    title: `干部任免审批表 ${r.name}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1000, bottom: 900, left: 1000, right: 1000 },
          },
        },
        children: [
          ...para('干部任免审批表', { bold: true, size: 36 }),
          pageOne,
          new Paragraph({ children: [new PageBreak()] }),
          pageTwo,
          ...para(
            `计算年龄时间：${formatDot(asOf.slice(0, 7))}    填表时间：${x.TianBiaoShiJian ?? formatDot(asOf.slice(0, 7))}    填表人：${x.TianBiaoRen ?? ''}`,
            { align: 'left', size: 20 },
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
