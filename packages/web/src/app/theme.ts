import type { ThemeConfig } from 'antd';

/** Party-red primary colour, otherwise the antd defaults officers know. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#c4161c',
    colorLink: '#c4161c',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#001529', headerBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
  },
};
