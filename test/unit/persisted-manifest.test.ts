/** Reading a persisted operations list: both formats, and the mistakes that must stop a start. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadManifest,
  ManifestError,
  parseManifest,
} from '../../src/server/plugins/persisted-manifest.js';

describe('parseManifest', () => {
  it('reads an id → document map (GraphQL Code Generator persisted documents)', () => {
    const operations = parseManifest({ abc: '{ graphStats { entityCount } }' });
    expect([...operations]).toEqual([['abc', '{ graphStats { entityCount } }']]);
  });

  it('reads an Apollo persisted query manifest, ignoring the fields it does not use', () => {
    const operations = parseManifest({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [
        { id: 'h1', body: 'query A { graphStats { entityCount } }', name: 'A', type: 'query' },
      ],
    });
    expect(operations.get('h1')).toBe('query A { graphStats { entityCount } }');
  });

  it('refuses a document that does not parse, naming its id', () => {
    expect(() => parseManifest({ broken: '{ graphStats {' })).toThrow(/broken.*does not parse/);
  });

  it('refuses other shapes', () => {
    expect(() => parseManifest([1, 2])).toThrow(ManifestError);
    expect(() => parseManifest({ id: 3 })).toThrow(ManifestError);
    expect(() =>
      parseManifest({ format: 'apollo-persisted-query-manifest', version: 2, operations: [] }),
    ).toThrow(ManifestError);
  });
});

describe('loadManifest', () => {
  it('reads a file, and says which file is not JSON or missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nexus-manifest-'));
    try {
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify({ a: '{ graphStats { entityCount } }' }));
      expect(loadManifest(good).size).toBe(1);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{ nope');
      expect(() => loadManifest(bad)).toThrow(/bad\.json.*not JSON/);
      expect(() => loadManifest(join(dir, 'missing.json'))).toThrow(/cannot read.*missing\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
