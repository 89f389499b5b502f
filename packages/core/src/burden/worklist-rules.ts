import { UNIT_KIND_LABELS } from '../cadre/import-columns.ts';
import type { OrgKind } from '../org/org-kinds.ts';
import { formatYuan } from '../pay/money.ts';
import type { BurdenSection } from './policy.ts';

/**
 * 村(社区)工作事务清单 (R-BUR-5): an item a department hands down to a street, village or community must come
 * with authority and funding (权随责走、费随事转) or be bought as a service (政府购买服务); an item with neither
 * is flagged (unfunded), and a department's own duty handed down under the name of 属地管理 is refused when
 * the pack says so (Fengze, seed 000: "严禁以“属地管理”名义将区直部门承担的职能、任务转嫁给街道").
 */

export type WorkListPolicy = NonNullable<BurdenSection['workList']>;
export type WorkListProblem =
  'WORKLIST_LOCAL_MANAGEMENT_REFUSED' | 'WORKLIST_UNIT_KIND' | 'WORKLIST_MODE_UNKNOWN';

export interface WorkListFacts {
  packName: string;
  name: string;
  organiserName: string;
  target: { name: string; kind: OrgKind };
  modeId: string | null;
  amountFen: number | null;
  contract: string;
  localManagement: boolean;
}

export type WorkListJudgement =
  | { ok: true; unfunded: boolean; modeName: string | null; explanation: string }
  | { ok: false; code: WorkListProblem; explanation: string };

const kindWords = (kinds: readonly OrgKind[]) => kinds.map((k) => UNIT_KIND_LABELS[k] ?? k).join('、');

export function judgeWorkListItem(policy: WorkListPolicy | null, f: WorkListFacts): WorkListJudgement {
  const item = `“${f.name}”（${f.organiserName}交由${f.target.name}）`;
  const amount = f.amountFen !== null && f.amountFen > 0 ? formatYuan(f.amountFen) : null;
  if (!policy) {
    const unfunded = !f.modeId || !amount;
    return {
      ok: true,
      unfunded,
      modeName: f.modeId,
      explanation: `${f.packName}未规定村(社区)工作事务清单的准入规则：${item}照常登记${unfunded ? '，未明确经费' : `，经费${amount}`}`,
    };
  }
  if (!policy.unitKinds.includes(f.target.kind))
    return {
      ok: false,
      code: 'WORKLIST_UNIT_KIND',
      explanation: `${f.target.name}不是工作事务清单的承接单位（${f.packName}：${kindWords(policy.unitKinds)}）`,
    };
  if (f.localManagement && policy.refuseLocalManagementTransfer)
    return {
      ok: false,
      code: 'WORKLIST_LOCAL_MANAGEMENT_REFUSED',
      explanation: `不予列入：${f.packName}严禁以“属地管理”名义将部门承担的职能、任务转嫁给${kindWords(policy.unitKinds)}；${item}属${f.organiserName}本部门职责`,
    };
  const mode = f.modeId ? policy.modes.find((m) => m.id === f.modeId) : null;
  if (f.modeId && !mode)
    return {
      ok: false,
      code: 'WORKLIST_MODE_UNKNOWN',
      explanation: `${f.packName}中没有承接方式 ${f.modeId}`,
    };
  const modes = policy.modes.map((m) => m.name).join('或');
  if (!mode || !amount)
    return {
      ok: true,
      unfunded: true,
      modeName: mode?.name ?? null,
      explanation: `未保障经费：${item}${mode ? `标明“${mode.name}”但未列明金额` : '既无随事转移的经费，也不是政府购买服务'}（${f.packName}：下放事项须${modes}），列为未保障事项`,
    };
  const contract = f.contract.trim() ? `，合同${f.contract.trim()}` : '';
  return {
    ok: true,
    unfunded: false,
    modeName: mode.name,
    explanation: `${item}按“${mode.name}”承接，经费${amount}${contract}，符合${f.packName}${modes}的要求`,
  };
}
