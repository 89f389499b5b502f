import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Loads one bundle of texts (a module's, or the shared English one) in one language. */
export type BundleLoaders = Record<Language, () => Promise<object>>;

const STORAGE_KEY = 'ganbu.lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/** The bundles in use (the shared one, and each module whose pages were opened), by id. */
const inUse = new Map<string, BundleLoaders>();
const loaded = new Map<string, Promise<void>>();

function loadInto(id: string, loaders: BundleLoaders, lang: Language): Promise<void> {
  const key = `${id}:${lang}`;
  let done = loaded.get(key);
  if (!done) {
    done = loaders[lang]().then((bundle) => {
      i18n.addResourceBundle(lang, 'translation', bundle, true, false);
    });
    done.catch(() => loaded.delete(key)); // a failed fetch (network) is tried again next time
    loaded.set(key, done);
  }
  return done;
}

/**
 * Adds a module's texts in the current language (the route loads them with the module's pages);
 * a later language switch fetches that language's bundle of every module in use.
 */
export function loadModuleBundle(id: string, loaders: BundleLoaders): Promise<void> {
  inUse.set(id, loaders);
  return loadInto(id, loaders, currentLanguage());
}

/** Switch the UI language and remember it for the next visit. */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be unavailable (private mode); the switch still applies for this visit
  }
  await Promise.all([...inUse].map(([id, loaders]) => loadInto(id, loaders, lang)));
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

const initial = storedLanguage();
document.documentElement.lang = initial;

// zh-CN's shared bundle ships with the app; the English one is fetched only when English is chosen.
loaded.set('shared:zh-CN', Promise.resolve());
inUse.set('shared', {
  'zh-CN': () => Promise.resolve(zhCN),
  en: () => import('./en.ts').then((m) => m.en),
});

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  partialBundledLanguages: true,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves once the shared texts of the chosen language are there (render after it). */
export const i18nReady: Promise<void> =
  initial === 'zh-CN' ? Promise.resolve() : loadInto('shared', inUse.get('shared') as BundleLoaders, initial);

export { i18n };
