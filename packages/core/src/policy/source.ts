import { z } from 'zod';

/**
 * Where a parameter of a policy pack comes from: a seed article and the figure as it is written there, a
 * regulation and its article (national rules: 《中国共产党纪律处分条例》, 《公职人员政务处分法》 …), or an
 * assumption. An article not yet checked against the regulation's text says so ("第十一条（待核）").
 */
export const SourceSchema = z.union([
  z.object({
    /** seed file prefix, e.g. "004" for 004_cbddf8ac15c95940.txt */
    seed: z.string().regex(/^\d{3}$/),
    /** the figure as the article writes it, e.g. "占40%" */
    figure: z.string().min(1).max(200),
  }),
  z.object({
    /** the regulation's title with its year, e.g. 《中国共产党纪律处分条例》（2023） */
    regulation: z.string().min(4).max(100),
    /** the article (第十条), with "（待核）" where it was not confirmed against the text */
    article: z.string().min(2).max(60),
    /** what the article says on the point, or how a locality's silence is read */
    note: z.string().max(300).optional(),
  }),
  z.object({ assumed: z.string().min(5).max(300) }),
]);
export type Source = z.infer<typeof SourceSchema>;
