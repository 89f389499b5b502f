/** Placeholder until the page lands (issue 16 foundation). */
export default function RegistersPage() {
  return null;
}
