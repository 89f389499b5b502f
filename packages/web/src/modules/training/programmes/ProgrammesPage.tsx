/** Placeholder until the page lands (issue 15 foundation). */
export default function ProgrammesPage() {
  return null;
}
