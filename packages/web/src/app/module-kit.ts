import type { Role } from '@ganbu/core';
import type { ComponentType, ReactNode } from 'react';
import type { Language } from '../i18n/index.ts';
import type { zhCN } from '../i18n/zh-CN.ts';

/** A side-menu entry's key: its label is `menu.<key>` of the shared bundle (shown before any module loads). */
export type MenuKey = keyof (typeof zhCN)['menu'];

/** One page of a module, at the URL it has always had. */
export interface ModuleRoute {
  path: string;
  page: () => Promise<{ default: ComponentType }>;
  /** the menu entry whose roles may open this page (a 403 page for the others); none: any signed-in user */
  menuKey?: MenuKey;
  /** 'app' (default): inside the app frame; 'bare': a page of its own (sign-in, print views) */
  frame?: 'app' | 'bare';
  /** 'user' (default): a session without pending obligations; 'forced': a session only; 'public': none */
  access?: 'user' | 'forced' | 'public';
}

export interface MenuEntry {
  key: MenuKey;
  path: string;
  icon: ReactNode;
  /** the roles that see it; 'all': everyone signed in, even an account without roles */
  roles: readonly Role[] | 'all';
  /** entries of one group sit together in a sub-menu (`data-testid="menu-group-<group>"`) */
  group?: string;
}

export interface MenuGroupDef {
  key: string;
  icon: ReactNode;
  /** a key of the shared bundle, so the label is there before the module's pages load */
  labelKey:
    | 'assessment.menuGroup'
    | 'discipline.menuGroup'
    | 'pay.menuGroup'
    | 'selection.menuGroup'
    | 'honours.menuGroup'
    | 'training.menuGroup'
    | 'care.menuGroup'
    | 'burden.menuGroup'
    | 'analysis.menuGroup'
    | 'system.menuGroup';
}

/** A module's texts: one loader per language, each resolving to an object added to i18next's resources. */
export type ModuleI18n<B> = Record<Language, () => Promise<B>>;

/**
 * A web module: its pages, its menu entries and who sees them, its texts. The app's router, menu and
 * layout iterate `modules/index.ts`; a module's texts load with its first page (the chosen language only).
 */
export interface WebModule<B = Record<never, never>> {
  id: string;
  routes: readonly ModuleRoute[];
  menu?: readonly MenuEntry[];
  menuGroups?: readonly MenuGroupDef[];
  i18n?: ModuleI18n<B>;
  /**
   * Pages that are an HTML entry of their own (the public ballot: `ballot.html`, served for `/ballot`).
   * An in-app link to one reloads the document.
   */
  documents?: readonly string[];
}

/** The type of the texts a module brings (for the typed `t()`). */
export type BundleOf<M> = M extends WebModule<infer B> ? B : never;
