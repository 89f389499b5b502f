import { MutationCache, QueryClient } from '@tanstack/react-query';
import { errorMessage, isRedirectError } from '../lib/errors.ts';
import { isApiError } from '../lib/http.ts';
import { notifyError } from './notifier.ts';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The component shows this mutation's error itself (inline Alert), so no global toast. */
      inlineError?: boolean;
    };
  }
}

export const queryClient = new QueryClient({
  mutationCache: new MutationCache({
    onError: (error, _variables, _result, mutation) => {
      if (mutation.meta?.inlineError || isRedirectError(error)) return;
      notifyError(errorMessage(error));
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry only network failures and server errors; 4xx answers will not change.
      retry: (count, error) => isApiError(error) && (error.status === 0 || error.status >= 500) && count < 2,
    },
  },
});
