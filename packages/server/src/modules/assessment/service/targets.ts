import type { RoundTarget } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import * as files from '../repository/report-files.ts';
import * as repo from '../repository/targets.ts';
import { fileInfo, reportFileName, reportFileType } from './report-files.ts';
import { findRound, mayManage, type RoundRecord } from './rounds.ts';

/** 考核对象与述职报告 of a round, in the reader's scope, with the name and size of each one's file. */
export async function listTargets(ctx: RequestContext, roundId: string): Promise<{ items: RoundTarget[] }> {
  await findRound(ctx.client, roundId);
  const targets = await repo.listRoundTargets(ctx.client, roundId);
  const byTarget = await files.listReportFiles(ctx.client, roundId);
  return { items: targets.map((t) => ({ ...t, reportFile: fileInfo(byTarget.get(t.id)) })) };
}

/**
 * The target whose 述职报告 the user may write: the cadre themself, an officer of the unit (orgdept,
 * unit_admin — row-level security keeps it to their scope) or the round's organiser; only before voting ends.
 */
export async function reportTarget(
  ctx: RequestContext,
  roundId: string,
  targetId: string,
): Promise<{ round: RoundRecord; target: { name: string } }> {
  const round = await findRound(ctx.client, roundId);
  if (round.state !== 'draft' && round.state !== 'open')
    throw new AppError(409, 'ROUND_STATE', '评议开始后不能再修改述职报告');
  const target = await repo.selectReportTarget(ctx.client, roundId, targetId);
  if (!target) throw notFound('考核对象');
  const actor = ctx.actor;
  const own = target.cadreId !== null && target.cadreId === actor?.cadreId;
  const officer = actor?.roles.some((role) => role === 'orgdept' || role === 'unit_admin') ?? false;
  if (!own && !officer && !mayManage(ctx, round)) throw forbidden('只能提交本人或本单位的述职报告');
  return { round, target: { name: target.name } };
}

/** 提交述职报告 (the text), audited with its length. */
export async function submitReport(
  ctx: RequestContext,
  roundId: string,
  targetId: string,
  report: string,
): Promise<{ ok: true }> {
  await reportTarget(ctx, roundId, targetId);
  await repo.updateTargetReport(ctx.client, targetId, report);
  await ctx.audit({
    action: 'assessment.report.submit',
    objectType: 'assessment_round',
    objectId: roundId,
    after: { targetId, length: report.length },
  });
  return { ok: true };
}

/** Upload or replace the 述职报告 file: PDF or Word by its content, the name kept for download. */
export async function uploadReportFile(
  ctx: RequestContext,
  opts: { roundId: string; targetId: string; body: unknown; name: string | undefined },
): Promise<{ name: string; size: number }> {
  const body = opts.body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请上传 PDF 或 Word（.docx）文件');
  const mime = await reportFileType(body);
  if (!mime)
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      '文件内容不是 PDF 或 Word（.docx），旧版 .doc 请另存为 .docx',
    );
  const { target } = await reportTarget(ctx, opts.roundId, opts.targetId);
  const name = reportFileName(opts.name, mime, `${target.name}-述职报告`);
  await files.upsertReportFile(ctx.client, {
    targetId: opts.targetId,
    roundId: opts.roundId,
    name,
    mime,
    bytes: body,
    at: ctx.now,
  });
  await ctx.audit({
    action: 'assessment.report.file',
    objectType: 'assessment_round',
    objectId: opts.roundId,
    after: { targetId: opts.targetId, name, mime, bytes: body.length },
  });
  return { name, size: body.length };
}

export async function removeReportFile(
  ctx: RequestContext,
  roundId: string,
  targetId: string,
): Promise<{ ok: true }> {
  await reportTarget(ctx, roundId, targetId);
  if (!(await files.deleteReportFile(ctx.client, roundId, targetId))) throw notFound('述职报告文件');
  await ctx.audit({
    action: 'assessment.report.file.delete',
    objectType: 'assessment_round',
    objectId: roundId,
    after: { targetId },
  });
  return { ok: true };
}

/** The file, for download by a reader who sees the target (row-level security). */
export async function reportFileOf(ctx: RequestContext, roundId: string, targetId: string) {
  const file = await files.selectReportFile(ctx.client, roundId, targetId);
  if (!file) throw notFound('述职报告文件');
  return file;
}
