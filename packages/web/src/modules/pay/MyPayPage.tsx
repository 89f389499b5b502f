/** (skeleton: the runs pages helper fills it) */
export default function MyPayPage() {
  return null;
}
