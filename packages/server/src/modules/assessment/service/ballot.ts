import type { BallotPage } from '@ganbu/core';
import type pg from 'pg';
import { notFound } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-cipher.ts';
import { setSystemScope } from '../../../platform/scope-settings.ts';
import { ballotTokenHash, normaliseBallotCode } from '../ballot-token.ts';
import { listReportFiles, selectReportFile } from '../repository/report-files.ts';
import { listSlipTargets, slipRatesTarget } from '../repository/targets.ts';
import { selectSlip, type SlipRecord } from '../repository/tokens.ts';
import { invalidSlip, roundNotOpen, usedSlip } from './ballot-box.ts';
import { fileInfo } from './report-files.ts';

/** The public ballot page (评议页): what a slip shows, read with no account (the 'system' context). */

/** The slip behind a code, in the 'system' context (the rater has no account and no scope). */
async function slip(client: pg.ClientBase, cipher: FieldCipher, code: string): Promise<SlipRecord> {
  const canonical = normaliseBallotCode(code);
  if (!canonical) throw invalidSlip();
  await setSystemScope(client);
  const row = await selectSlip(client, ballotTokenHash(cipher, canonical));
  if (!row || row.state === 'revoked') throw invalidSlip();
  if (row.state === 'used') throw usedSlip();
  if (row.roundState !== 'open') throw roundNotOpen(row.roundState);
  return row;
}

/** 评议票内容: the round, the rater group, the criteria and the targets with their 述职 (text and file). */
export async function ballotPage(
  client: pg.ClientBase,
  cipher: FieldCipher,
  code: string,
): Promise<BallotPage> {
  const row = await slip(client, cipher, code);
  const group = row.rules.scheme.raterGroups.find((g) => g.id === row.groupId);
  const files = await listReportFiles(client, row.roundId);
  const targets = await listSlipTargets(client, row.roundId, row.unitId);
  return {
    round: {
      name: row.roundName,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      state: row.roundState,
    },
    group: { id: row.groupId, name: group?.name ?? row.groupId },
    criteria: row.rules.scheme.criteria,
    ballotForm: row.rules.scheme.ballotForm ?? 'scores',
    voteGrades: (row.rules.scheme.gradeVote?.grades ?? []).map((g) => ({ code: g.code, name: g.name })),
    targets: targets.map((t) => ({ ...t, reportFile: fileInfo(files.get(t.id)) })),
  };
}

/** A 述职 file of a target this slip rates (404 for any other). */
export async function ballotReportFile(
  client: pg.ClientBase,
  cipher: FieldCipher,
  code: string,
  targetId: string,
) {
  const row = await slip(client, cipher, code);
  const mine = await slipRatesTarget(client, row.roundId, row.unitId, targetId);
  const file = mine ? await selectReportFile(client, row.roundId, targetId) : null;
  if (!file) throw notFound('述职报告文件');
  return file;
}
