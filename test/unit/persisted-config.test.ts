/** The persisted operations settings read from the environment. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('persisted operations settings', () => {
  it('reads the file, the persisted-only switch and the APQ bounds', () => {
    const config = loadConfig({
      NEXUS_PERSISTED_OPERATIONS: '/etc/nexus/operations.json',
      NEXUS_PERSISTED_ONLY: 'true',
      NEXUS_APQ: 'false',
      NEXUS_APQ_MAX_ENTRIES: '50',
      NEXUS_APQ_MAX_BYTES: '65536',
    });
    expect(config.persistedOperations).toEqual({
      manifestPath: '/etc/nexus/operations.json',
      persistedOnly: true,
      apq: false,
      apqMaxEntries: 50,
      apqMaxBytes: 65_536,
    });
  });

  it('refuses persisted-only mode without a file, and bounds that are not positive', () => {
    expect(() => loadConfig({ NEXUS_PERSISTED_ONLY: 'true' })).toThrow(
      /NEXUS_PERSISTED_ONLY needs NEXUS_PERSISTED_OPERATIONS/,
    );
    expect(() => loadConfig({ NEXUS_APQ_MAX_ENTRIES: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ NEXUS_APQ_MAX_BYTES: 'lots' })).toThrow(/NEXUS_APQ_MAX_BYTES/);
  });
});
