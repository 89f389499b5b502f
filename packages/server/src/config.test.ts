import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('[platform] safe defaults (SECURITY 35)', () => {
  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(readConfig({ HOST: '' }).host).toBe('127.0.0.1');
    expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('refuses demo accounts with NODE_ENV=production or DEMO=false', () => {
    expect(readConfig({}).demoRefusedBy).toBeNull();
    expect(readConfig({ NODE_ENV: 'test', DEMO: 'true' }).demoRefusedBy).toBeNull();
    expect(readConfig({ NODE_ENV: 'production' }).demoRefusedBy).toBe('NODE_ENV=production');
    expect(readConfig({ NODE_ENV: 'production', DEMO: 'true' }).demoRefusedBy).toBe('NODE_ENV=production');
    expect(readConfig({ DEMO: 'false' }).demoRefusedBy).toBe('DEMO=false');
  });
});
