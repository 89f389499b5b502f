import type { Role } from '../roles.ts';

/**
 * One module's permissions: each code with the roles granted it. Data scope (which rows) is enforced by
 * the database; a permission is the other axis: which kinds of action a role may take at all.
 */
export type ModulePermissions = Readonly<Record<string, readonly Role[]>>;

/** Declare a module's permissions (keeps the codes as literal types for `Permission`). */
export const definePermissions = <const P extends ModulePermissions>(permissions: P): P => permissions;
