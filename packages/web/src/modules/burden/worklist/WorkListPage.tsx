/** Placeholder until the page lands (issue 16 foundation). */
export default function WorkListPage() {
  return null;
}
