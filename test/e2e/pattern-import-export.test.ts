/** exportPatterns and importPatterns over HTTP against Redis, with tokens. */
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { CreatePatternInput, ImportMode } from '../gql/graphql.js';
import { createTestApp, dataOf, errorsOf, gql } from '../helpers/app.js';
import { type PortabilitySetup, portabilitySetup } from '../helpers/portability-setup.js';
import { keysWithPrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CreatePattern, DeletePattern, GetPattern, UpdatePattern } from './operations.js';
import { ExportPatterns, ImportPatterns } from './pattern-portability-operations.js';
import { AuditLogQuery, PatternIds } from './security-operations.js';

const redis = useRedisApps('pattern-import-export');
type Setup = PortabilitySetup;
const setup = () => portabilitySetup(redis, 'import-export');

/** The patterns' data in Redis (audit entries and the mutation budget are bookkeeping). */
async function snapshot(admin: Redis, prefix: string): Promise<string[]> {
  const bookkeeping = [`${prefix}audit:`, `${prefix}ratelimit:`];
  const keys = (await keysWithPrefix(admin, prefix)).filter(
    (key) => !bookkeeping.some((start) => key.startsWith(start)),
  );
  const dump: string[] = [];
  for (const key of keys) dump.push(`${key}=${JSON.stringify(await admin.dump(key))}`);
  return dump;
}

const input = (id: string, overrides: Partial<CreatePatternInput> = {}): CreatePatternInput => ({
  id,
  name: `Pattern ${id}`,
  category: 'NOTIFICATION',
  metadata: { nested: { list: [1, 'two', null], empty: {} }, emoji: 'ü🚀' },
  steps: [
    { id: 'store', type: 'CACHE', action: 'set', parameters: { key: 'k:{id}', value: '{v}' } },
    {
      id: 'announce',
      type: 'EVENT',
      action: 'publish',
      parameters: { event_type: 'mail' },
      dependsOn: ['store'],
      retries: 2,
      timeoutMs: 500,
    },
  ],
  ...overrides,
});

/** alice's `history` at version 3 and `plain` at version 1. */
async function alicePatterns(s: Setup): Promise<void> {
  dataOf(await gql(s.app, CreatePattern, { input: input('history') }, s.alice));
  dataOf(await gql(s.app, UpdatePattern, { id: 'history', input: { name: 'History 2' } }, s.alice));
  dataOf(
    await gql(
      s.app,
      UpdatePattern,
      {
        id: 'history',
        input: {
          description: 'third',
          steps: [{ id: 'wait', type: 'DELAY', action: 'wait', parameters: { ms: 5 } }],
        },
      },
      s.alice,
    ),
  );
  dataOf(
    await gql(
      s.app,
      CreatePattern,
      { input: input('plain', { transactional: true, isActive: false }) },
      s.alice,
    ),
  );
}

type Doc = {
  format: string;
  formatVersion: number;
  exportedAt: string;
  patterns: Array<Record<string, unknown> & { id: string; versions?: unknown[] }>;
};

async function exportDoc(
  s: Pick<Setup, 'app'>,
  token: string | undefined,
  variables: Parameters<typeof gql>[2] = {},
) {
  return dataOf(await gql(s.app, ExportPatterns, variables as never, token)).exportPatterns as Doc;
}

async function importDoc(
  s: Setup,
  token: string,
  document: unknown,
  mode: ImportMode = 'CREATE_ONLY',
  dryRun = false,
) {
  return gql(s.app, ImportPatterns, { document, mode, dryRun }, token);
}

/** What a pattern is, version by version, as read back over GraphQL (no timestamps). */
async function readBack(s: Setup, id: string, token: string) {
  const current = dataOf(await gql(s.app, GetPattern, { id }, token)).pattern;
  if (!current) return null;
  const versions = [];
  for (const { version } of current.versions) {
    const pattern = dataOf(await gql(s.app, GetPattern, { id, version }, token)).pattern;
    const { createdAt, updatedAt, versions: _, ...rest } = pattern ?? {};
    versions.push(rest);
  }
  return versions;
}

describe('exportPatterns', () => {
  it('writes a versioned document of the writable content, bookkeeping apart under info', async () => {
    const s = await setup();
    await alicePatterns(s);
    const doc = await exportDoc(s, s.alice, { ids: ['plain'] });
    expect(doc.format).toBe('nexus.patterns');
    expect(doc.formatVersion).toBe(1);
    expect(Date.parse(doc.exportedAt)).not.toBeNaN();
    const { info, ...content } = doc.patterns[0] as Record<string, unknown>;
    expect(content).toEqual({
      id: 'plain',
      name: 'Pattern plain',
      description: null,
      category: 'NOTIFICATION',
      origin: 'USER',
      steps: [
        {
          id: 'store',
          type: 'CACHE',
          action: 'set',
          parameters: { key: 'k:{id}', value: '{v}' },
          dependsOn: [],
          retries: 0,
          timeoutMs: null,
        },
        {
          id: 'announce',
          type: 'EVENT',
          action: 'publish',
          parameters: { event_type: 'mail' },
          dependsOn: ['store'],
          retries: 2,
          timeoutMs: 500,
        },
      ],
      metadata: { nested: { list: [1, 'two', null], empty: {} }, emoji: 'ü🚀' },
      transactional: true,
      isActive: false,
    });
    expect(info).toMatchObject({ version: 1, createdBy: 'alice' });

    const withVersions = await exportDoc(s, s.alice, { ids: ['history'], includeVersions: true });
    const versions = (withVersions.patterns[0]?.versions ?? []) as Array<{
      name: string;
      info: { version: number };
    }>;
    expect(versions.map((v) => [v.info.version, v.name])).toEqual([
      [1, 'Pattern history'],
      [2, 'History 2'],
      [3, 'History 2'],
    ]);
  });

  it('exports what a filter lists, only what the viewer may read, and NOT_FOUND for an id they may not', async () => {
    const s = await setup();
    await alicePatterns(s);
    dataOf(await gql(s.app, CreatePattern, { input: input('bobs') }, s.bob));
    // Without ids or filter: every pattern alice may read, the active system ones included.
    const all = await exportDoc(s, s.alice);
    expect(all.patterns.map((p) => p.id).sort()).toEqual([
      'financial_transaction',
      'history',
      'plain',
      'user_onboarding',
    ]);
    const active = await exportDoc(s, s.alice, { filter: { isActive: true, origin: 'USER' } });
    expect(active.patterns.map((p) => p.id)).toEqual(['history']);
    const [error] = errorsOf(await gql(s.app, ExportPatterns, { ids: ['plain', 'bobs'] }, s.alice));
    expect(error?.extensions?.code).toBe('NOT_FOUND');
    expect(error?.message).toBe('Pattern "bobs" was not found');
    const [both] = errorsOf(
      await gql(s.app, ExportPatterns, { ids: ['plain'], filter: { isActive: true } }, s.alice),
    );
    expect(both?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a filter that matches more than 100 patterns with LIMIT_EXCEEDED', async () => {
    const s = await setup();
    for (let i = 0; i < 101; i++) {
      dataOf(await gql(s.app, CreatePattern, { input: input(`p${i}`) }, s.alice));
    }
    const [error] = errorsOf(
      await gql(s.app, ExportPatterns, { filter: { origin: 'USER' } }, s.alice),
    );
    expect(error?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(error?.message).toContain('101 patterns match');
    const narrowed = await exportDoc(s, s.alice, { filter: { search: 'p10' } });
    expect(narrowed.patterns.map((p) => p.id).sort()).toEqual(['p10', 'p100']);
  });
});

describe('export → delete → import', () => {
  it('restores identical patterns, replaying every version so that version numbers match', async () => {
    const s = await setup();
    await alicePatterns(s);
    const before = {
      history: await readBack(s, 'history', s.alice),
      plain: await readBack(s, 'plain', s.alice),
    };
    const doc = await exportDoc(s, s.alice, {
      filter: { origin: 'USER' },
      includeVersions: true,
    });
    for (const id of ['history', 'plain']) {
      dataOf(await gql(s.app, DeletePattern, { id }, s.alice));
    }
    const eventsBefore = s.events.length;
    const report = dataOf(await importDoc(s, s.alice, doc)).importPatterns;
    expect(report).toMatchObject({ created: 2, updated: 0, refused: 0, dryRun: false });
    expect(report.items.map((item) => [item.id, item.outcome, item.version])).toEqual(
      doc.patterns.map((p) => [p.id, 'CREATED', p.id === 'history' ? 3 : 1]),
    );
    expect(await readBack(s, 'history', s.alice)).toEqual(before.history);
    expect(await readBack(s, 'plain', s.alice)).toEqual(before.plain);
    const changes = s.events
      .slice(eventsBefore)
      .map((event) => [event.type, event.patternId, event.payload]);
    expect(changes.sort()).toEqual(
      [
        ['PATTERN_CHANGED', 'history', { change: 'created', version: 1 }],
        ['PATTERN_CHANGED', 'history', { change: 'updated', version: 2 }],
        ['PATTERN_CHANGED', 'history', { change: 'updated', version: 3 }],
        ['PATTERN_CHANGED', 'plain', { change: 'created', version: 1 }],
      ].sort(),
    );
  });

  it('without versions, imports each pattern as version 1 of its current content', async () => {
    const s = await setup();
    await alicePatterns(s);
    const history = await readBack(s, 'history', s.alice);
    const doc = await exportDoc(s, s.alice, { ids: ['history'] });
    dataOf(await gql(s.app, DeletePattern, { id: 'history' }, s.alice));
    dataOf(await importDoc(s, s.alice, doc));
    const now = await readBack(s, 'history', s.alice);
    expect(now).toEqual([{ ...history?.[2], version: 1 }]);
  });
});

describe('importPatterns modes', () => {
  it('UPSERT writes a new version only when something changed; CREATE_ONLY skips existing ids', async () => {
    const s = await setup();
    await alicePatterns(s);
    const doc = await exportDoc(s, s.alice, { ids: ['history', 'plain'] });

    const same = dataOf(await importDoc(s, s.alice, doc, 'UPSERT')).importPatterns;
    expect(same.items.map((item) => [item.id, item.outcome, item.version])).toEqual([
      ['history', 'UNCHANGED', 3],
      ['plain', 'UNCHANGED', 1],
    ]);
    // Key order in JSON is not content.
    const reordered = structuredClone(doc);
    const plain = reordered.patterns[1] as Record<string, unknown>;
    plain.metadata = { emoji: 'ü🚀', nested: { empty: {}, list: [1, 'two', null] } };
    (reordered.patterns[0] as Record<string, unknown>).name = 'History 4';
    const changed = dataOf(await importDoc(s, s.alice, reordered, 'UPSERT')).importPatterns;
    expect(changed.items.map((item) => [item.id, item.outcome, item.version])).toEqual([
      ['history', 'UPDATED', 4],
      ['plain', 'UNCHANGED', 1],
    ]);
    expect(changed).toMatchObject({ updated: 1, unchanged: 1 });
    const history = dataOf(await gql(s.app, GetPattern, { id: 'history' }, s.alice)).pattern;
    expect([history?.version, history?.name]).toEqual([4, 'History 4']);

    const skipped = dataOf(await importDoc(s, s.alice, reordered)).importPatterns;
    expect(skipped.items.map((item) => [item.outcome, item.version, item.code])).toEqual([
      ['SKIPPED', 4, 'CONFLICT'],
      ['SKIPPED', 1, 'CONFLICT'],
    ]);
    expect(dataOf(await gql(s.app, GetPattern, { id: 'history' }, s.alice)).pattern?.version).toBe(
      4,
    );
  });

  it('a dry run reports what the import does and leaves Redis as it was', async () => {
    const s = await setup();
    await alicePatterns(s);
    const doc = await exportDoc(s, s.alice, {
      ids: ['history', 'plain'],
      includeVersions: true,
    });
    (doc.patterns[1] as Record<string, unknown>).name = 'Renamed';
    doc.patterns.push({ ...structuredClone(doc.patterns[0]), id: 'copy' } as Doc['patterns'][0]);
    const storeBefore = await snapshot(redis.admin, s.prefix);
    const eventsBefore = s.events.length;
    const dry = dataOf(await importDoc(s, s.alice, doc, 'UPSERT', true)).importPatterns;
    expect(await snapshot(redis.admin, s.prefix)).toEqual(storeBefore);
    expect(s.events.length).toBe(eventsBefore);
    expect(dry.dryRun).toBe(true);

    const real = dataOf(await importDoc(s, s.alice, doc, 'UPSERT')).importPatterns;
    expect(await snapshot(redis.admin, s.prefix)).not.toEqual(storeBefore);
    expect({ ...dry, dryRun: false }).toEqual(real);
    expect(real.items.map((item) => [item.id, item.outcome, item.version]).sort()).toEqual(
      [
        ['copy', 'CREATED', 3],
        ['history', 'UNCHANGED', 3],
        ['plain', 'UPDATED', 2],
      ].sort(),
    );
  });
});

describe('importPatterns validation', () => {
  it('writes nothing for an invalid document and lists every problem with its path', async () => {
    const s = await setup();
    await alicePatterns(s);
    const storeBefore = await snapshot(redis.admin, s.prefix);
    const valid = (await exportDoc(s, s.alice, { ids: ['plain'] })).patterns[0];
    const document = {
      format: 'nexus.patterns',
      formatVersion: 1,
      patterns: [
        { ...valid, id: 'fresh' },
        {
          id: 'broken',
          name: '',
          steps: [
            { id: 'a', type: 'CACHE', action: 'explode' },
            { id: 'b', type: 'DELAY', action: 'wait', dependsOn: ['nope'] },
          ],
        },
        { ...valid, id: 'fresh', versions: [{ name: 'v1', category: 'NOPE', steps: [] }] },
        { ...valid, id: undefined },
      ],
    };
    const [error] = errorsOf(await importDoc(s, s.alice, document, 'UPSERT'));
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const issues = (error?.extensions?.issues ?? []).map((issue) => issue.path.join('.'));
    expect(issues.sort()).toEqual(
      [
        'document.patterns.1.name',
        'document.patterns.1.category',
        'document.patterns.1.steps.0.action',
        'document.patterns.1.steps.1.dependsOn.0',
        'document.patterns.2.id',
        'document.patterns.2.versions.0.category',
        'document.patterns.2.versions.0.steps',
        'document.patterns.3.id',
      ].sort(),
    );
    expect(await snapshot(redis.admin, s.prefix)).toEqual(storeBefore);
  });

  it('refuses a document of another format or formatVersion, and one too large, as BAD_USER_INPUT', async () => {
    const s = await setup();
    const [version] = errorsOf(
      await importDoc(s, s.alice, { format: 'nexus.patterns', formatVersion: 2, patterns: [] }),
    );
    expect(version?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [
        {
          path: ['document', 'formatVersion'],
          message: 'unsupported formatVersion 2: this server reads formatVersion 1',
        },
      ],
    });
    const [format] = errorsOf(await importDoc(s, s.alice, { formatVersion: 1, patterns: [] }));
    expect(format?.extensions?.issues?.[0]?.path).toEqual(['document', 'format']);
    const many = Array.from({ length: 101 }, (_, i) => ({ ...input(`p${i}`) }));
    const [tooMany] = errorsOf(
      await importDoc(s, s.alice, { format: 'nexus.patterns', formatVersion: 1, patterns: many }),
    );
    expect(tooMany?.extensions?.issues).toEqual([
      { path: ['document', 'patterns'], message: 'must hold at most 100 patterns (holds 101)' },
    ]);
    const users = await gql(s.app, PatternIds, { filter: { origin: 'USER' } }, s.alice);
    expect(dataOf(users).patterns.totalCount).toBe(0);
  });

  it('refuses a PATTERN step that would make a pattern recursive before writing anything', async () => {
    const s = await setup();
    dataOf(
      await gql(
        s.app,
        CreatePattern,
        {
          input: input('outer', {
            steps: [
              {
                id: 'run',
                type: 'PATTERN',
                action: 'execute',
                parameters: { pattern_id: 'inner' },
              },
            ],
          }),
        },
        s.alice,
      ),
    );
    const inner = {
      ...input('inner'),
      steps: [
        { id: 'call', type: 'PATTERN', action: 'execute', parameters: { pattern_id: 'outer' } },
      ],
    };
    const fresh = input('fresh');
    const [error] = errorsOf(
      await importDoc(s, s.alice, {
        format: 'nexus.patterns',
        formatVersion: 1,
        patterns: [fresh, inner],
      }),
    );
    expect(error?.extensions?.issues).toEqual([
      {
        path: ['document', 'patterns', 1, 'steps', 0, 'parameters', 'pattern_id'],
        message: 'would make the pattern recursive: inner → outer → inner',
      },
    ]);
    expect(dataOf(await gql(s.app, GetPattern, { id: 'fresh' }, s.alice)).pattern).toBeNull();
  });
});

describe('importPatterns permissions', () => {
  it("refuses SYSTEM patterns to a non-admin and someone else's ids, writes the rest, and audits it", async () => {
    const s = await setup();
    dataOf(await gql(s.app, CreatePattern, { input: input('bobs') }, s.bob));
    dataOf(await gql(s.app, CreatePattern, { input: input('sys', { origin: 'SYSTEM' }) }, s.admin));
    const document = {
      format: 'nexus.patterns',
      formatVersion: 1,
      patterns: [
        input('new-system', { origin: 'SYSTEM' }),
        input('bobs', { name: 'Taken over' }),
        input('sys', { name: 'Changed', origin: 'SYSTEM' }),
        input('mine'),
      ],
    };
    const report = dataOf(await importDoc(s, s.alice, document, 'UPSERT')).importPatterns;
    expect(report.items.map((item) => [item.id, item.outcome, item.code, item.version])).toEqual([
      ['new-system', 'REFUSED', 'FORBIDDEN', null],
      ['bobs', 'REFUSED', 'CONFLICT', null],
      ['sys', 'REFUSED', 'FORBIDDEN', 1],
      ['mine', 'CREATED', null, 1],
    ]);
    expect(report.items[1]?.reason).toBe('the pattern id "bobs" is taken');
    expect(dataOf(await gql(s.app, GetPattern, { id: 'bobs' }, s.bob)).pattern).toMatchObject({
      version: 1,
      name: 'Pattern bobs',
    });
    expect(dataOf(await gql(s.app, GetPattern, { id: 'sys' }, s.admin)).pattern?.version).toBe(1);
    expect(dataOf(await gql(s.app, GetPattern, { id: 'new-system' }, s.admin)).pattern).toBeNull();

    // An admin may import system patterns and change anyone's.
    const byAdmin = dataOf(await importDoc(s, s.admin, document, 'UPSERT')).importPatterns;
    expect(byAdmin.items.map((item) => [item.id, item.outcome, item.version])).toEqual([
      ['new-system', 'CREATED', 1],
      ['bobs', 'UPDATED', 2],
      ['sys', 'UPDATED', 2],
      ['mine', 'UNCHANGED', 1],
    ]);

    const audit = dataOf(
      await gql(s.app, AuditLogQuery, { action: 'importPatterns', first: 10 }, s.admin),
    ).auditLog;
    expect(audit.edges.map(({ node }) => [node.actor, node.targets, node.outcome])).toEqual([
      ['root', ['new-system', 'bobs', 'sys', 'mine'], 'ok'],
      ['alice', ['new-system', 'bobs', 'sys', 'mine'], 'ok'],
    ]);
  });
});

describe('importPatterns and the mutation budget', () => {
  it('charges one point per pattern of the document, and one for a dry run', async () => {
    const app = await redis.app({
      security: { mutationsPerMinute: 5 } as Config['security'],
    });
    const document = {
      format: 'nexus.patterns',
      formatVersion: 1,
      patterns: Array.from({ length: 4 }, (_, i) => input(`p${i}`)),
    };
    const dry = await gql(app, ImportPatterns, { document, mode: 'CREATE_ONLY', dryRun: true });
    expect(dataOf(dry).importPatterns.created).toBe(4);
    // 1 point spent, 4 left: exactly enough for these 4 patterns, then nothing more.
    expect(dataOf(await gql(app, ImportPatterns, { document })).importPatterns.created).toBe(4);
    const [refused] = errorsOf(await gql(app, ImportPatterns, { document, mode: 'UPSERT' }));
    expect(refused?.extensions?.code).toBe('LIMIT_EXCEEDED');
  });
});

describe('importPatterns on the in-memory adapter', () => {
  const apps: App[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
  });

  it('a dry run changes nothing there either (every version and timestamp as before)', async () => {
    const app = createTestApp();
    apps.push(app);
    await app.start(0);
    // Development mode: the caller is the admin `dev`, who may write everything.
    dataOf(await gql(app, CreatePattern, { input: input('one') }));
    dataOf(await gql(app, UpdatePattern, { id: 'one', input: { name: 'One 2' } }));
    const everything = async () =>
      (await exportDoc({ app }, undefined, { includeVersions: true })).patterns;
    const before = await everything();
    const document = {
      format: 'nexus.patterns',
      formatVersion: 1,
      patterns: [input('one', { name: 'One 3' }), input('two'), input('sys', { origin: 'SYSTEM' })],
    };
    const dry = dataOf(
      await gql(app, ImportPatterns, { document, mode: 'UPSERT', dryRun: true }),
    ).importPatterns;
    expect(dry.items.map((item) => [item.id, item.outcome, item.version])).toEqual([
      ['one', 'UPDATED', 3],
      ['two', 'CREATED', 1],
      ['sys', 'CREATED', 1],
    ]);
    expect(await everything()).toEqual(before);
    const real = dataOf(
      await gql(app, ImportPatterns, { document, mode: 'UPSERT' }),
    ).importPatterns;
    expect(real).toEqual({ ...dry, dryRun: false });
    expect((await everything()).length).toBe(before.length + 2);
  });
});
