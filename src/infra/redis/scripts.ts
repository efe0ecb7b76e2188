import { readFileSync } from 'node:fs';
import type { ClientContext, Redis, Result } from 'ioredis';

type RedisArg = string | number;

/**
 * A script as ioredis runs it: the number of keys, the keys, then ARGV (the counts vary from
 * call to call, so none is fixed at definition).
 */
type ScriptCall<Reply, Context extends ClientContext> = (
  numberOfKeys: number,
  ...keysThenArgs: RedisArg[]
) => Result<Reply, Context>;

/** `{ totalCount, countBefore, hasMore (0|1), ...items }`, the listing scripts' reply. */
type PageReply<Item> = [totalCount: number, countBefore: number, hasMore: 0 | 1, ...Item[]];

/**
 * The Lua scripts as commands of a client, with the replies their headers describe. ioredis
 * copies them into the client's pipelines and transactions too (with the pipeline `Context`).
 */
export interface NexusScripts<Context extends ClientContext = { type: 'default' }> {
  appendAudit: ScriptCall<string[], Context>;
  createPattern: ScriptCall<0 | 1, Context>;
  updatePattern: ScriptCall<string, Context>;
  deletePattern: ScriptCall<string, Context>;
  listPatterns: ScriptCall<PageReply<string | null>, Context>;
  createRelationship: ScriptCall<string | [made: 'made', json: string], Context>;
  deleteRelationship: ScriptCall<0 | 1, Context>;
  startExecution: ScriptCall<[outcome: string, executionId?: string], Context>;
  finishExecution: ScriptCall<0 | 1 | 2, Context>;
  claimExecution: ScriptCall<string, Context>;
  saveSteps: ScriptCall<Array<0 | 1>, Context>;
  renewLease: ScriptCall<0 | 1, Context>;
  finishPending: ScriptCall<0 | 1, Context>;
  listExecutions: ScriptCall<PageReply<string>, Context>;
  publishEvents: ScriptCall<string[], Context>;
  createSchedule: ScriptCall<0 | 1, Context>;
  deleteSchedule: ScriptCall<0 | 1, Context>;
  recordScheduleFire: ScriptCall<0 | 1, Context>;
  listSchedules: ScriptCall<PageReply<string>, Context>;
}

export type ScriptedRedis = Redis & NexusScripts;

/** Each command and the file under ./lua it runs. */
const FILES: Record<keyof NexusScripts, string> = {
  appendAudit: 'append-audit',
  createPattern: 'create-pattern',
  updatePattern: 'update-pattern',
  deletePattern: 'delete-pattern',
  listPatterns: 'list-patterns',
  createRelationship: 'create-relationship',
  deleteRelationship: 'delete-relationship',
  startExecution: 'start-execution',
  finishExecution: 'finish-execution',
  claimExecution: 'claim-execution',
  saveSteps: 'save-steps',
  renewLease: 'renew-lease',
  finishPending: 'finish-pending',
  listExecutions: 'list-executions',
  publishEvents: 'publish-events',
  createSchedule: 'create-schedule',
  deleteSchedule: 'delete-schedule',
  recordScheduleFire: 'record-schedule-fire',
  listSchedules: 'list-schedules',
};

/**
 * Redis scripts cannot import: a line `-- @include lib/<name>.lua` in a script is replaced by
 * that file when the script is read, so the helpers several scripts share are written once.
 */
const INCLUDE = /^-- @include (lib\/[a-z-]+\.lua)$/gm;

function read(path: string): string {
  return readFileSync(new URL(`./lua/${path}`, import.meta.url), 'utf8');
}

/** A script's source as Redis runs it: its file with its includes in place. */
function scriptSource(file: string): string {
  return read(`${file}.lua`).replace(INCLUDE, (_, lib: string) => read(lib).trimEnd());
}

const SOURCES = Object.entries(FILES).map(([name, file]) => ({ name, lua: scriptSource(file) }));
const scripted = new WeakSet<Redis>();

/** The part of an ioredis pipeline (or transaction) that runs a script: its client. */
interface PipelineOfClient {
  redis: Redis;
}
type ScriptCommand = (this: unknown, ...args: unknown[]) => unknown;

/**
 * ioredis copies every command a client defined onto each pipeline it makes, auto-pipelines
 * included: one per round trip, twenty scripts, two properties each, turning every pipeline into
 * a slow dictionary object (about 10 µs a round trip, a fifth of a chain step's CPU). So the
 * scripts are kept out of the list it copies from, and pipelines find them instead through one
 * method per script on the pipeline prototype, which calls the client's own command with the
 * pipeline as `this`: exactly what the copy would have done.
 */
function shareScriptsWithPipelines(redis: Redis): void {
  const pipelinePrototype = Object.getPrototypeOf(redis.pipeline()) as Record<string, unknown>;
  for (const { name } of SOURCES) {
    if (Object.hasOwn(pipelinePrototype, name)) continue;
    pipelinePrototype[name] = function (this: PipelineOfClient, ...args: unknown[]) {
      const command = (this.redis as unknown as Record<string, ScriptCommand | undefined>)[name];
      if (!command) throw new TypeError(`${name} is not defined on this pipeline's client`);
      return command.apply(this, args);
    };
  }
}

/**
 * Defines Nexus's scripts as commands of `redis` (once per client; later calls find them). A
 * command goes as EVAL the first time on a connection and as EVALSHA after, through the
 * client's own queue: auto-pipelining, the command timeout and failing fast while disconnected
 * apply to scripts as to any other command.
 */
export function defineScripts(redis: Redis): asserts redis is ScriptedRedis {
  if (scripted.has(redis)) return;
  shareScriptsWithPipelines(redis);
  const copiedToPipelines = redis.scriptsSet as Record<string, unknown>;
  for (const { name, lua } of SOURCES) {
    redis.defineCommand(name, { lua });
    delete copiedToPipelines[name];
  }
  scripted.add(redis);
}
