/**
 * Diff, restore, export and import used by a hostile or careless caller, over HTTP against real
 * Redis: what the answers say, what they cost, and what is left when something goes wrong.
 */
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { NexusEventInput } from '../../src/domain/events/event.js';
import type { ImportMode } from '../gql/graphql.js';
import { createTestApp, dataOf, errorsOf, gql, type TestAppOptions } from '../helpers/app.js';
import { LocalEventPublisher } from '../helpers/local-events.js';
import {
  PORTABILITY_SECRET,
  type PortabilitySetup,
  portabilitySetup,
  portabilityTokens,
} from '../helpers/portability-setup.js';
import { keysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { startRedisServer } from '../helpers/redis-server.js';
import { CreatePattern, GetPattern, UpdatePattern } from './operations.js';
import {
  ExportPatterns,
  ImportPatterns,
  PatternDiffQuery,
  RestorePatternVersion,
} from './pattern-portability-operations.js';
import { AuditLogQuery } from './security-operations.js';

const redis = useRedisApps('attack-portability');
const SECRET = PORTABILITY_SECRET;
type Setup = PortabilitySetup;
const setup = (overrides: Partial<Config> = {}, options: TestAppOptions = {}) =>
  portabilitySetup(redis, 'attack-portability', overrides, options);
const tokens = portabilityTokens;

/** The patterns' data in Redis (audit entries and the mutation budget are bookkeeping). */
async function snapshot(admin: Redis, prefix: string): Promise<string[]> {
  const bookkeeping = [`${prefix}audit:`, `${prefix}ratelimit:`, `${prefix}events`];
  const keys = (await keysWithPrefix(admin, prefix)).filter(
    (key) => !bookkeeping.some((start) => key.startsWith(start)),
  );
  const dump: string[] = [];
  for (const key of keys.sort()) dump.push(`${key}=${JSON.stringify(await admin.dump(key))}`);
  return dump;
}

const cacheStep = (id: string) => ({
  id,
  type: 'CACHE',
  action: 'set',
  parameters: { key: `k:${id}` },
});

const patternStep = (id: string, target: string) => ({
  id,
  type: 'PATTERN',
  action: 'execute',
  parameters: { pattern_id: target },
});

const entry = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  name: `Pattern ${id}`,
  category: 'NOTIFICATION',
  origin: 'USER',
  steps: [cacheStep('a')],
  ...overrides,
});

const doc = (patterns: unknown) => ({ format: 'nexus.patterns', formatVersion: 1, patterns });

function importDoc(
  app: App,
  token: string,
  document: unknown,
  mode: ImportMode = 'CREATE_ONLY',
  dryRun = false,
) {
  return gql(app, ImportPatterns, { document, mode, dryRun }, token);
}

/** Every Redis command the app's shared client sends, by name, as it sends it. */
function recordCommands(names: string[]): TestAppOptions['onRedisClient'] {
  return (client) => {
    const send = client.sendCommand.bind(client);
    client.sendCommand = (command, stream) => {
      names.push(command.name.toLowerCase());
      return send(command, stream);
    };
  };
}

describe('importPatterns: patterns of one document naming each other', () => {
  it('refuses a loop between two new patterns before writing either, dry run or not', async () => {
    const s = await setup();
    const document = doc([
      entry('ping', { steps: [patternStep('call', 'pong')] }),
      entry('pong', { steps: [patternStep('call', 'ping')] }),
    ]);
    const before = await snapshot(redis.admin, s.prefix);
    for (const dryRun of [true, false]) {
      const [error] = errorsOf(await importDoc(s.app, s.alice, document, 'CREATE_ONLY', dryRun));
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.issues).toEqual([
        {
          path: ['document', 'patterns', 1, 'steps', 0, 'parameters', 'pattern_id'],
          message: 'would make the pattern recursive: pong → ping → pong',
        },
      ]);
    }
    expect(await snapshot(redis.admin, s.prefix)).toEqual(before);
    expect(dataOf(await gql(s.app, GetPattern, { id: 'ping' }, s.alice)).pattern).toBeNull();
  });

  it('refuses a loop closed by an UPSERT of a stored pattern and a new one', async () => {
    const s = await setup();
    dataOf(await gql(s.app, CreatePattern, { input: entry('hub') as never }, s.alice));
    const document = doc([
      entry('hub', { steps: [patternStep('call', 'spoke')] }),
      entry('spoke', { steps: [patternStep('back', 'hub')] }),
    ]);
    const before = await snapshot(redis.admin, s.prefix);
    const [error] = errorsOf(await importDoc(s.app, s.alice, document, 'UPSERT', true));
    expect(error?.extensions?.issues?.[0]?.path).toEqual([
      'document',
      'patterns',
      1,
      'steps',
      0,
      'parameters',
      'pattern_id',
    ]);
    expect(errorsOf(await importDoc(s.app, s.alice, document, 'UPSERT'))[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(await snapshot(redis.admin, s.prefix)).toEqual(before);
  });

  it('still imports patterns of one document that call each other without a loop', async () => {
    const s = await setup();
    const document = doc([
      entry('caller', { steps: [patternStep('call', 'callee')] }),
      entry('callee'),
    ]);
    const dry = dataOf(await importDoc(s.app, s.alice, document, 'CREATE_ONLY', true));
    const real = dataOf(await importDoc(s.app, s.alice, document));
    expect(real.importPatterns.items).toEqual(dry.importPatterns.items);
    expect(real.importPatterns.created).toBe(2);
  });
});

describe('importPatterns when Redis stops answering in the middle', () => {
  it('names the patterns written before, and the one in flight', async () => {
    const server = await startRedisServer({ persistent: true });
    const local = new LocalEventPublisher();
    // Frozen right after "two" is written: its event is the sign that it is in Redis.
    const stopAfterTwo = local.listen((event) => {
      if (event.patternId !== 'two') return;
      stopAfterTwo();
      server.pause();
    });
    const app = createTestApp(
      {
        jwtSecret: SECRET,
        keyPrefix: uniquePrefix('attack-outage'),
        redisUrl: server.url,
        redisCommandTimeoutMs: 300,
      },
      { events: local },
    );
    try {
      await app.start(0);
      const { alice } = await tokens();
      const document = doc([entry('one'), entry('two'), entry('three'), entry('four')]);
      const [error] = errorsOf(await importDoc(app, alice, document));
      expect(error?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(error?.message).toContain('while writing "three"');
      expect(error?.message).toContain('written before it: "one", "two"');
      server.resume();
      // As the answer says: the same document again with UPSERT finishes it.
      const again = dataOf(await importDoc(app, alice, document, 'UPSERT')).importPatterns;
      expect(again.items.slice(0, 2).map((item) => item.outcome)).toEqual([
        'UNCHANGED',
        'UNCHANGED',
      ]);
      expect(again.items[3]?.outcome).toBe('CREATED');
      expect(again.refused).toBe(0);
    } finally {
      server.resume();
      await app.stop();
      await server.dispose();
    }
  });
});

describe('importPatterns and the mutation budget', () => {
  it('charges the versions a document replays, not one point for a thousand writes', async () => {
    const s = await setup({ security: { mutationsPerMinute: 50 } as Config['security'] });
    const history = (n: number) =>
      Array.from({ length: n }, (_, i) => entry('hist', { name: `Version ${i + 1}` }));
    const before = await snapshot(redis.admin, s.prefix);
    // 1 pattern + 60 versions: 61 writes, more than the 50 of the minute.
    const [refused] = errorsOf(
      await importDoc(s.app, s.alice, doc([entry('hist', { versions: history(60) })])),
    );
    expect(refused?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(await snapshot(redis.admin, s.prefix)).toEqual(before);
    expect(s.events.filter((event) => event.patternId === 'hist')).toHaveLength(0);
    // bob: 40 versions and the pattern's own content are 41 points of his 50; 9 are left.
    const allowed = await importDoc(s.app, s.bob, doc([entry('hist', { versions: history(40) })]));
    expect(dataOf(allowed).importPatterns.items[0]?.version).toBe(41);
    let updates = 0;
    for (let i = 0; i < 12; i++) {
      const input = { name: `Update ${i}` };
      const result = await gql(s.app, UpdatePattern, { id: 'hist', input }, s.bob);
      if (result.errors?.[0]?.extensions?.code === 'LIMIT_EXCEEDED') break;
      dataOf(result);
      updates += 1;
    }
    expect(updates).toBe(9);
  });
});

describe('exportPatterns of a long history', () => {
  it('refuses more versions than a document holds before reading any of them', async () => {
    const commands: string[] = [];
    const s = await setup({}, { onRedisClient: recordCommands(commands) });
    // One import: version 1000 of the history, then the pattern's own content as 1001.
    const versions = Array.from({ length: 1000 }, (_, i) =>
      entry('long', { name: `Version ${i + 1}` }),
    );
    const imported = await importDoc(s.app, s.alice, doc([entry('long', { versions })]));
    expect(dataOf(imported).importPatterns.items[0]?.version).toBe(1001);
    commands.length = 0;
    const [error] = errorsOf(
      await gql(s.app, ExportPatterns, { ids: ['long'], includeVersions: true }, s.alice),
    );
    expect(error?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(commands).not.toContain('hvals');
  });
});

/** Every answer that could tell a hidden pattern from an id nobody uses, with the id masked. */
async function answersAbout(s: Setup, token: string, id: string) {
  const mask = (value: unknown) => JSON.stringify(value).replaceAll(id, '<id>');
  const diff = await gql(s.app, PatternDiffQuery, { id, from: 1, to: 2 }, token);
  const restore = await gql(s.app, RestorePatternVersion, { id, version: 1 }, token);
  const exported = await gql(s.app, ExportPatterns, { ids: [id], includeVersions: true }, token);
  const imports = [];
  for (const mode of ['CREATE_ONLY', 'UPSERT'] as const) {
    const report = dataOf(await importDoc(s.app, token, doc([entry(id)]), mode, true));
    imports.push(report.importPatterns.items);
  }
  return {
    diff: mask(diff.data),
    restore: mask(restore.errors?.map((e) => [e.message, e.extensions?.code])),
    exported: mask(exported.errors?.map((e) => [e.message, e.extensions?.code])),
    imports: mask(imports),
  };
}

describe('what a non-admin learns of patterns they may not read', () => {
  it("answers the same for bob's pattern, an inactive system pattern and a taken id", async () => {
    const s = await setup();
    dataOf(await gql(s.app, CreatePattern, { input: entry('bobs') as never }, s.bob));
    dataOf(await gql(s.app, UpdatePattern, { id: 'bobs', input: { name: 'B2' } }, s.bob));
    const sys = entry('sys_off', { origin: 'SYSTEM' });
    dataOf(await gql(s.app, CreatePattern, { input: sys as never }, s.admin));
    const off = { isActive: false };
    dataOf(await gql(s.app, UpdatePattern, { id: 'sys_off', input: off }, s.admin));
    const before = await snapshot(redis.admin, s.prefix);

    const hidden = await answersAbout(s, s.alice, 'bobs');
    expect(await answersAbout(s, s.alice, 'sys_off')).toEqual(hidden);
    // Taken ids are one namespace: the import says "taken", and nothing else, for both.
    expect(hidden.imports).toContain('the pattern id \\"<id>\\" is taken');
    expect(hidden.imports).not.toContain('bob');
    expect(hidden.diff).toBe('{"pattern":null}');
    expect(hidden.restore).toBe('[["Pattern \\"<id>\\" was not found","NOT_FOUND"]]');
    expect(hidden.exported).toBe(hidden.restore);
    // An id nobody uses: the same answers except that an import would create it.
    const free = await answersAbout(s, s.alice, 'nobody_has');
    expect({ ...free, imports: hidden.imports }).toEqual(hidden);
    expect(await snapshot(redis.admin, s.prefix)).toEqual(before);
  });

  it('keeps an old version of a system pattern made inactive hidden from diff and restore', async () => {
    const s = await setup();
    // Version 1 active, 2 inactive, 3 active again: version 2 is the admins'.
    dataOf(
      await gql(
        s.app,
        CreatePattern,
        { input: entry('sys', { origin: 'SYSTEM' }) as never },
        s.admin,
      ),
    );
    dataOf(await gql(s.app, UpdatePattern, { id: 'sys', input: { isActive: false } }, s.admin));
    dataOf(await gql(s.app, UpdatePattern, { id: 'sys', input: { isActive: true } }, s.admin));
    const diff = (from: number, to: number, token: string) =>
      gql(s.app, PatternDiffQuery, { id: 'sys', from, to }, token);
    const hidden = errorsOf(await diff(1, 2, s.alice))[0];
    const absent = errorsOf(await diff(1, 9, s.alice))[0];
    expect(hidden?.extensions?.code).toBe('NOT_FOUND');
    expect(hidden?.message.replace('@2', '@9')).toBe(absent?.message);
    expect(dataOf(await diff(1, 2, s.admin)).pattern?.diff.fields).toEqual([
      { field: 'isActive', before: true, after: false },
    ]);
    // alice may not change a system pattern: FORBIDDEN, whichever version she names.
    for (const version of [1, 2, 9]) {
      const [error] = errorsOf(
        await gql(s.app, RestorePatternVersion, { id: 'sys', version }, s.alice),
      );
      expect(error?.extensions?.code).toBe('FORBIDDEN');
    }
    const exported = dataOf(
      await gql(s.app, ExportPatterns, { ids: ['sys'], includeVersions: true }, s.alice),
    ).exportPatterns as { patterns: Array<{ versions: Array<{ info: { version: number } }> }> };
    expect(exported.patterns[0]?.versions.map((v) => v.info.version)).toEqual([1, 3]);
  });

  it('never lets a non-admin write a system pattern or the SYSTEM origin through an import', async () => {
    const s = await setup();
    dataOf(
      await gql(
        s.app,
        CreatePattern,
        { input: entry('sys', { origin: 'SYSTEM' }) as never },
        s.admin,
      ),
    );
    dataOf(await gql(s.app, CreatePattern, { input: entry('mine') as never }, s.alice));
    const before = await snapshot(redis.admin, s.prefix);
    const document = doc([
      entry('sys', { name: 'Taken over' }),
      entry('sys', { name: 'Taken over' }),
    ]);
    expect(errorsOf(await importDoc(s.app, s.alice, document, 'UPSERT'))[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const attempts = doc([
      entry('sys', { name: 'Taken over', origin: 'SYSTEM' }),
      entry('sys_new', { origin: 'SYSTEM', versions: [entry('sys_new')] }),
      entry('mine', { origin: 'SYSTEM', name: 'Promoted' }),
      entry('user_onboarding', { name: 'Mine now' }),
    ]);
    for (const dryRun of [true, false]) {
      const report = dataOf(await importDoc(s.app, s.alice, attempts, 'UPSERT', dryRun));
      expect(report.importPatterns.items.map((item) => [item.outcome, item.code])).toEqual([
        ['REFUSED', 'FORBIDDEN'],
        ['REFUSED', 'FORBIDDEN'],
        ['REFUSED', 'BAD_USER_INPUT'],
        ['REFUSED', 'FORBIDDEN'],
      ]);
    }
    expect(await snapshot(redis.admin, s.prefix)).toEqual(before);
  });
});

describe('importPatterns of malformed documents', () => {
  it('answers BAD_USER_INPUT with a path for each, and writes nothing', async () => {
    const s = await setup();
    dataOf(await gql(s.app, CreatePattern, { input: entry('kept') as never }, s.alice));
    const before = await snapshot(redis.admin, s.prefix);
    const huge = 'x'.repeat(300_000);
    const cases: Array<[unknown, Array<string | number>]> = [
      [5, ['document']],
      [[doc([])], ['document']],
      [{ ...doc([]), formatVersion: '1' }, ['document', 'formatVersion']],
      [{ ...doc([]), formatVersion: 2 }, ['document', 'formatVersion']],
      [doc({ 0: entry('kept') }), ['document', 'patterns']],
      [doc([entry('kept', { name: 'changed' }), null]), ['document', 'patterns', 1]],
      [
        doc([entry('kept', { name: 'changed' }), { ...entry('x'), id: 7 }]),
        ['document', 'patterns', 1, 'id'],
      ],
      [doc([entry('Kept!')]), ['document', 'patterns', 0, 'id']],
      [doc([entry('kept/../x')]), ['document', 'patterns', 0, 'id']],
      [doc([entry(`a${'b'.repeat(200)}`)]), ['document', 'patterns', 0, 'id']],
      [doc([entry('kept', { name: 'changed' }), entry('kept')]), ['document', 'patterns', 1, 'id']],
      [doc([entry('kept', { name: huge })]), ['document', 'patterns', 0, 'name']],
      [doc([entry('kept', { steps: 'a' })]), ['document', 'patterns', 0, 'steps']],
      [
        doc([entry('kept', { steps: [{ ...cacheStep('a'), retries: -1 }] })]),
        ['document', 'patterns', 0, 'steps', 0, 'retries'],
      ],
      [
        doc([entry('kept', { versions: [entry('kept', { category: 'NOPE' })] })]),
        ['document', 'patterns', 0, 'versions', 0, 'category'],
      ],
      [
        doc([entry('kept', { versions: [entry('kept'), 3] })]),
        ['document', 'patterns', 0, 'versions', 1],
      ],
      [
        doc([entry('kept', { versions: { 0: entry('kept') } })]),
        ['document', 'patterns', 0, 'versions'],
      ],
      [
        doc([entry('kept', { metadata: { blob: 'y'.repeat(70_000) } })]),
        ['document', 'patterns', 0, 'metadata'],
      ],
    ];
    for (const [document, path] of cases) {
      for (const mode of ['CREATE_ONLY', 'UPSERT'] as const) {
        const [error] = errorsOf(await importDoc(s.app, s.alice, document, mode));
        expect(error?.extensions?.code, JSON.stringify(path)).toBe('BAD_USER_INPUT');
        const paths = (error?.extensions?.issues ?? []).map((issue) => issue.path);
        expect(paths, JSON.stringify(document).slice(0, 120)).toContainEqual(path);
      }
    }
    expect(await snapshot(redis.admin, s.prefix)).toEqual(before);
  });

  it('stores prototype keys as plain data and gives them back as sent', async () => {
    const s = await setup();
    // As a client sends it: "__proto__" is an own key of the parsed JSON, not a prototype.
    const body = `{"query":${JSON.stringify(
      'mutation ($d: JSON!) { importPatterns(document: $d) { created } }',
    )},"variables":{"d":{"format":"nexus.patterns","formatVersion":1,"patterns":[{"id":"proto","name":"p","category":"NOTIFICATION","steps":[{"id":"a","type":"CACHE","action":"set","parameters":{"key":"k","value":{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}}}],"metadata":{"__proto__":{"roles":["admin"]}}}]}}}`;
    const response = await s.app.yoga.fetch('http://nexus.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.alice}` },
      body,
    });
    expect(await response.json()).toEqual({ data: { importPatterns: { created: 1 } } });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const exported = dataOf(await gql(s.app, ExportPatterns, { ids: ['proto'] }, s.alice));
    const text = JSON.stringify(exported.exportPatterns);
    expect(text).toContain(
      '"parameters":{"key":"k","value":{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}}',
    );
    expect(text).toContain('"metadata":{"__proto__":{"roles":["admin"]}}');
    // alice is no admin for having sent it.
    const report = await importDoc(s.app, s.alice, doc([entry('sys2', { origin: 'SYSTEM' })]));
    expect(dataOf(report).importPatterns.items[0]?.code).toBe('FORBIDDEN');
  });
});

/** Events that wait for `hook` before the publishing write returns: a writer racing on cue. */
class RacingEvents extends LocalEventPublisher {
  hook: ((event: NexusEventInput) => Promise<void>) | null = null;

  override async publish(event: NexusEventInput): Promise<void> {
    await super.publish(event);
    const hook = this.hook;
    if (hook !== null) await hook(event);
  }
}

describe('importPatterns racing other writers', () => {
  it('reports REFUSED, with the version actually there, for what another writer took first', async () => {
    const racing = new RacingEvents();
    const s = await setup({}, { events: racing });
    for (const id of ['one', 'two']) {
      dataOf(await gql(s.app, CreatePattern, { input: entry(id) as never }, s.alice));
    }
    const document = doc([
      entry('one', { name: 'Imported' }),
      entry('two', { name: 'Imported' }),
      entry('three'),
    ]);
    const dry = dataOf(await importDoc(s.app, s.alice, document, 'UPSERT', true)).importPatterns;
    expect(dry.items.map((item) => item.outcome)).toEqual(['UPDATED', 'UPDATED', 'CREATED']);
    // Once "one" is written, alice (another tab) changes "two" and bob takes "three".
    racing.hook = async (event) => {
      if (event.patternId !== 'one') return;
      racing.hook = null;
      const input = { name: 'Elsewhere' };
      dataOf(await gql(s.app, UpdatePattern, { id: 'two', input }, s.alice));
      dataOf(await gql(s.app, CreatePattern, { input: entry('three') as never }, s.bob));
    };
    const real = dataOf(await importDoc(s.app, s.alice, document, 'UPSERT')).importPatterns;
    expect(real.items.map((item) => [item.outcome, item.code, item.version])).toEqual([
      ['UPDATED', null, 2],
      ['REFUSED', 'CONFLICT', null],
      ['REFUSED', 'CONFLICT', null],
    ]);
    const two = dataOf(await gql(s.app, GetPattern, { id: 'two' }, s.alice)).pattern;
    expect(two).toMatchObject({ name: 'Elsewhere', version: 2 });
    expect(dataOf(await gql(s.app, GetPattern, { id: 'three' }, s.alice)).pattern).toBeNull();
  });
});

describe('the audit entry of an import', () => {
  it('tells a dry run from the import it plans', async () => {
    const s = await setup();
    const document = doc([entry('planned')]);
    dataOf(await importDoc(s.app, s.alice, document, 'CREATE_ONLY', true));
    dataOf(await importDoc(s.app, s.alice, document, 'CREATE_ONLY'));
    const audit = dataOf(
      await gql(s.app, AuditLogQuery, { action: 'importPatterns', first: 10 }, s.admin),
    ).auditLog;
    expect(audit.edges.map(({ node }) => [node.actor, node.targets, node.outcome])).toEqual([
      ['alice', ['planned'], 'ok'],
      ['alice', ['planned'], 'DRY_RUN'],
    ]);
  });
});

describe('the recursion check of patterns whose steps all name the same pattern', () => {
  const fanOut = (id: string, next: string) =>
    entry(id, { steps: Array.from({ length: 8 }, (_, i) => patternStep(`s${i}`, next)) });

  it('reads each pattern once, not once per path (8 steps over 3 levels: 8^3 paths)', async () => {
    const commands: string[] = [];
    const s = await setup({}, { onRedisClient: recordCommands(commands) });
    const chain = doc([fanOut('c3', 'c4'), fanOut('c2', 'c3'), fanOut('c1', 'c2')]);
    commands.length = 0;
    expect(dataOf(await importDoc(s.app, s.alice, chain)).importPatterns.created).toBe(3);
    expect(commands.length).toBeLessThan(40);
    commands.length = 0;
    const top = doc([fanOut('top', 'c1')]);
    const dry = dataOf(await importDoc(s.app, s.alice, top, 'CREATE_ONLY', true));
    expect(dry.importPatterns.created).toBe(1);
    expect(commands.filter((name) => name === 'hget' || name === 'hmget').length).toBeLessThan(10);
    commands.length = 0;
    dataOf(await gql(s.app, CreatePattern, { input: fanOut('top', 'c1') as never }, s.alice));
    expect(commands.length).toBeLessThan(20);
  });

  it('still names every step that closes a loop, through shared patterns', async () => {
    const s = await setup();
    // shared → loop_top; left and right → shared: loop_top's two steps each close a loop.
    for (const [id, next] of [
      ['shared', 'loop_top'],
      ['left', 'shared'],
      ['right', 'shared'],
    ] as const) {
      const input = entry(id, { steps: [patternStep('call', next)] });
      dataOf(await gql(s.app, CreatePattern, { input: input as never }, s.alice));
    }
    const input = entry('loop_top', {
      steps: [patternStep('a', 'left'), patternStep('b', 'right'), patternStep('c', 'shared')],
    });
    const [error] = errorsOf(await gql(s.app, CreatePattern, { input: input as never }, s.alice));
    expect(error?.extensions?.issues?.map((issue) => issue.message)).toEqual([
      'would make the pattern recursive: loop_top → left → shared → loop_top',
      'would make the pattern recursive: loop_top → right → shared → loop_top',
      'would make the pattern recursive: loop_top → shared → loop_top',
    ]);
  });
});
