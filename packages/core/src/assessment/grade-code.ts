import { z } from 'zod';

/**
 * The stable codes of the grades (等次) a grade scale may list, read by other modules (pay, honours,
 * eligibility): 优秀, 称职, 基本称职, 不称职, 良好, 合格, 较差 as each pack names them.
 */
export const GradeCodeSchema = z.enum([
  'excellent',
  'competent',
  'basic',
  'incompetent',
  'good',
  'fair',
  'poor',
]);
export type GradeCode = z.infer<typeof GradeCodeSchema>;
