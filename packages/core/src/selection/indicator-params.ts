import { z } from 'zod';

/**
 * `/api/indicators/:id/…`: an indicator's id as the path carries it. Any short string: an id the pack in
 * force does not have (or never could) answers 404, not a validation error.
 */
export const IndicatorParamsSchema = z.strictObject({ id: z.string().min(1).max(60) });
