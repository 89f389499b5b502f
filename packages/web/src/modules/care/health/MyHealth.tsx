/** A tab of 我的关爱 (`mine/MyCarePage`); placeholder until the part that owns it lands (issue 15 foundation). */
export function MyHealth() {
  return null;
}
