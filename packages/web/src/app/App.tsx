import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { setErrorNotifier } from './notifier.ts';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';
import { theme } from './theme.ts';

/** Lets the mutation cache show toasts through antd's context-aware message API. */
function NotifierBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    setErrorNotifier((text) => void message.error(text));
  }, [message]);
  return null;
}

/** antd 6 dropped the 8px gap after each Tag that antd 5 had: keep it, the tag lists were laid out with it. */
const TAG_GAP = { styles: { root: { marginInlineEnd: 8 } } };

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
  }, [zh]);
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={theme} tag={TAG_GAP}>
      <AntApp>
        <NotifierBridge />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
