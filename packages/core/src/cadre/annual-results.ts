/**
 * 年度考核结果 as the registry shows it (R-ASM-6): what the officer wrote on the record, and the grades of
 * the published annual rounds the cadre was a target of, each with the round it came from. The written
 * text stays as it was; a published year it does not mention is added in the form officers write
 * (`2025年度考核称职`), oldest first.
 */
export type PublishedAnnualResult = {
  /** the year the round's period ends in */
  year: number;
  /** grade code and name in the round's scale */
  grade: string;
  gradeName: string;
  roundId: string;
  roundName: string;
};

/** The years a written 年度考核结果 already mentions (`2023年度…`, `2024年…`). */
function yearsMentioned(text: string): Set<number> {
  return new Set([...text.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1])));
}

/** The written text plus every published year it does not mention: `…；2025年度考核称职`. */
export function annualAssessmentText(written: string, published: readonly PublishedAnnualResult[]): string {
  const mentioned = yearsMentioned(written);
  const seen = new Set<number>();
  const added = [...published]
    .sort((a, b) => a.year - b.year)
    .filter((r) => !mentioned.has(r.year) && !seen.has(r.year) && seen.add(r.year))
    .map((r) => `${r.year}年度考核${r.gradeName}`);
  if (added.length === 0) return written.trim();
  const base = written.trim().replace(/[；;。，,\s]+$/u, '');
  return [base, ...added].filter((s) => s !== '').join('；');
}
