/** Placeholder until the page lands (issue 14 foundation). */
export default function IndicatorsPage() {
  return null;
}
