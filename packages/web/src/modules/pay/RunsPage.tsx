/** (skeleton: the runs pages helper fills it) */
export default function RunsPage() {
  return null;
}
