import type { Me } from '@ganbu/core';
import { createContext, useContext } from 'react';

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only usable below <RequireAuth>. */
export function useCurrentMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentMe() used outside <RequireAuth>');
  return me;
}
