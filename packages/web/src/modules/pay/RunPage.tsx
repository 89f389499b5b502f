/** (skeleton: the runs pages helper fills it) */
export default function RunPage() {
  return null;
}
