import { useEffect, useState } from 'react';
import { loadModuleBundle, type BundleLoaders } from './index.ts';

/**
 * A module's texts, loaded when one of its components shows on another module's page (a tab of the cadre
 * record page): true once they are in i18next. A module without texts is ready at once.
 */
export function useModuleTexts(module: { id: string; i18n?: BundleLoaders }): boolean {
  const [ready, setReady] = useState(!module.i18n);
  useEffect(() => {
    let live = true;
    if (module.i18n) void loadModuleBundle(module.id, module.i18n).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [module]);
  return ready;
}
