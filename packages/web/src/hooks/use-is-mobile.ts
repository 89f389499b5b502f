import { Grid } from 'antd';

/** True below antd's `md` breakpoint (768px). False until the breakpoint is known. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
