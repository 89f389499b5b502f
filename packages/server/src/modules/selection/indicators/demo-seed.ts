import type { DemoSeedContext } from '../../../demo/context.ts';

/**
 * The demo district's part of `indicators/` (issue 14): 组织部 has marked the district's professional
 * departments (专业部门, read by Wenzhou's 机关专业部门专业型干部配备比例), and two in five of their cadres
 * (by name, a fixed choice) are recorded as 专业型干部, so the indicator shows a figure short of its 50%.
 */
export const DEMO_PROFESSIONAL_DEPARTMENTS = [
  '区发展和改革局',
  '区财政局',
  '区自然资源局',
  '区住房和城乡建设局',
  '区农业农村局',
  '区卫生健康局',
  '区应急管理局',
  '区市场监督管理局',
] as const;

export async function seedDemoIndicators(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  await client.query(
    `UPDATE orgs SET tags = array_append(tags, 'professional')
      WHERE kind = 'department' AND name = ANY ($1::text[]) AND NOT ('professional' = ANY (tags))`,
    [DEMO_PROFESSIONAL_DEPARTMENTS],
  );
  await client.query(
    `UPDATE cadres c SET professional_type = true
       FROM (SELECT c.id, row_number() OVER (PARTITION BY c.org_id ORDER BY c.name, c.birth_date) AS n
               FROM cadres c JOIN orgs o ON o.id = c.org_id
              WHERE 'professional' = ANY (o.tags) AND c.deactivated_at IS NULL) pick
      WHERE pick.id = c.id AND pick.n % 5 IN (1, 3)`,
  );
}
