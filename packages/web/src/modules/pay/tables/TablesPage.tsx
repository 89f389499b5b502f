/** (skeleton: the tables helper fills it) */
export default function TablesPage() {
  return null;
}
