import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS, permissionsOf, ROLES } from '@ganbu/core';
import { describe, expect, it } from 'vitest';
import { SERVER_MODULES } from '../../src/modules/index.ts';

const modulesDir = join(import.meta.dirname, '../../src/modules');

describe('[platform] the server module list', () => {
  it('lists every module folder once, by its folder name', () => {
    const names = SERVER_MODULES.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    const folders = readdirSync(modulesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect([...names].sort()).toEqual([...folders].sort());
  });

  it("the modules' permissions are core's, each code declared by one module", () => {
    const codes = SERVER_MODULES.flatMap((m) => Object.keys(m.permissions ?? {}));
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...PERMISSIONS].sort());
    for (const role of ROLES) {
      const granted = SERVER_MODULES.flatMap((m) =>
        Object.entries(m.permissions ?? {})
          .filter(([, roles]) => roles.includes(role))
          .map(([code]) => code),
      );
      expect(granted.sort(), role).toEqual([...permissionsOf([role])].sort());
    }
  });
});
