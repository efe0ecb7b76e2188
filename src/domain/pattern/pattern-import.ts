/**
 * importPatterns: a valid document is planned in full (permissions and recursion checked for
 * every pattern) before anything is written, so bad input loses nothing; then each planned
 * write goes through the service's own create and update paths.
 */
import { canCreatePattern, canManagePattern, canReadPattern } from '../shared/access.js';
import {
  DomainError,
  type ErrorCode,
  type Issue,
  ServiceUnavailableError,
  STORE_RETRY_AFTER_SECONDS,
  ValidationError,
} from '../shared/errors.js';
import type { Viewer } from '../shared/viewer.js';
import type { Pattern } from './pattern.js';
import { sameContent } from './pattern-content.js';
import type { ImportEntry } from './pattern-document.js';
import type { CreatePatternCommand, UpdatePatternCommand } from './pattern-input.js';
import { refuseRecursion } from './pattern-recursion.js';
import type { PatternStore } from './pattern-store.js';

export const IMPORT_MODES = ['CREATE_ONLY', 'UPSERT'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_OUTCOMES = ['CREATED', 'UPDATED', 'UNCHANGED', 'SKIPPED', 'REFUSED'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export interface ImportItem {
  /** The pattern's index in the document. */
  index: number;
  id: string;
  outcome: ImportOutcome;
  /** The version it is at afterwards (or would be, in a dry run); null when not the caller's to know. */
  version: number | null;
  /** Why it was skipped or refused. */
  reason: string | null;
  /** The error code of a refusal (FORBIDDEN, CONFLICT, ...). */
  code: ErrorCode | null;
}

export interface ImportReport {
  mode: ImportMode;
  dryRun: boolean;
  items: ImportItem[];
}

/** The service's write paths, with their permission checks, events and concurrency rules. */
export interface PatternWriter {
  create(viewer: Viewer, command: CreatePatternCommand): Promise<Pattern>;
  update(
    viewer: Viewer,
    id: string,
    command: UpdatePatternCommand,
    expectedVersion: number,
  ): Promise<Pattern>;
}

interface Plan {
  item: ImportItem;
  /** Contents to write in order: a new pattern's versions, or an existing one's next version. */
  writes: Array<CreatePatternCommand & { id: string }>;
  /** The version the plan was made against (null: the pattern is new). */
  current: Pattern | null;
}

export async function runImport(
  store: PatternStore,
  writer: PatternWriter,
  viewer: Viewer,
  entries: readonly ImportEntry[],
  mode: ImportMode,
  dryRun: boolean,
): Promise<ImportReport> {
  const currents = await store.getMany(entries.map((entry) => entry.command.id));
  const plans = entries.map((entry, i) => plan(viewer, entry, currents[i] ?? null, mode));
  await refuseRecursiveWrites(store, viewer, plans);
  if (!dryRun) {
    const done: string[] = [];
    for (const planned of plans) {
      try {
        await write(writer, viewer, planned);
      } catch (error) {
        throw interrupted(error, done, planned.item.id);
      }
      if (planned.writes.length > 0 && planned.item.outcome !== 'REFUSED') {
        done.push(planned.item.id);
      }
    }
  }
  return { mode, dryRun, items: plans.map((planned) => planned.item) };
}

function plan(viewer: Viewer, entry: ImportEntry, current: Pattern | null, mode: ImportMode): Plan {
  const { id, origin } = entry.command;
  const item = (outcome: ImportOutcome, version: number | null, refusal?: Refusal): ImportItem => ({
    index: entry.index,
    id,
    outcome,
    version,
    reason: refusal?.reason ?? null,
    code: refusal?.code ?? null,
  });
  const none = (outcome: ImportOutcome, version: number | null, refusal?: Refusal): Plan => ({
    item: item(outcome, version, refusal),
    writes: [],
    current,
  });
  if (current === null) {
    if (!canCreatePattern(viewer, origin)) {
      return none('REFUSED', null, forbidden('only admins may create system patterns'));
    }
    // A new pattern gets its history replayed, then its own content if that differs from it.
    const writes = [...entry.versions];
    const last = writes.at(-1);
    if (last === undefined || !sameContent(last, entry.command)) writes.push(entry.command);
    return { item: item('CREATED', writes.length), writes, current };
  }
  const readable = canReadPattern(viewer, current);
  if (mode === 'CREATE_ONLY') {
    return none('SKIPPED', readable ? current.version : null, {
      code: 'CONFLICT',
      reason: `the pattern id "${id}" is taken`,
    });
  }
  // Ids are one namespace (README, Security): taken is all this says about someone else's.
  if (!readable) return none('REFUSED', null, conflict(`the pattern id "${id}" is taken`));
  if (!canManagePattern(viewer, current)) {
    return none(
      'REFUSED',
      current.version,
      forbidden(`only admins may change the system pattern "${id}"`),
    );
  }
  if (current.origin !== origin) {
    return none('REFUSED', current.version, {
      code: 'BAD_USER_INPUT',
      reason: `the pattern is ${current.origin}; an import cannot change its origin to ${origin}`,
    });
  }
  if (sameContent(current, entry.command)) return none('UNCHANGED', current.version);
  return { item: item('UPDATED', current.version + 1), writes: [entry.command], current };
}

interface Refusal {
  code: ErrorCode;
  reason: string;
}

function forbidden(reason: string): Refusal {
  return { code: 'FORBIDDEN', reason };
}

function conflict(reason: string): Refusal {
  return { code: 'CONFLICT', reason };
}

/**
 * A PATTERN step that would make a pattern reach itself is invalid input, found before any
 * write, with the path of the step in the document. Each write is checked against the store
 * as it will be when that write runs: the patterns before it in the document already written
 * (so that two new patterns naming each other are refused here, not half-imported).
 */
async function refuseRecursiveWrites(
  store: PatternStore,
  viewer: Viewer,
  plans: readonly Plan[],
): Promise<void> {
  const issues: Issue[] = [];
  const written = new Map<string, Pattern>();
  const asWritten: Pick<PatternStore, 'get'> = {
    get: async (id) => written.get(id) ?? (await store.get(id)),
  };
  for (const planned of plans) {
    const { index, id } = planned.item;
    const replayed = planned.current === null && planned.writes.length > 1;
    for (const [k, content] of planned.writes.entries()) {
      try {
        await refuseRecursion(asWritten, viewer, id, content.steps);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const at = replayed && k < planned.writes.length - 1 ? ['versions', k] : [];
        for (const issue of error.issues) {
          // The check names the steps of an `input`; here they are in the document.
          issues.push({
            path: ['document', 'patterns', index, ...at, ...issue.path.slice(1)],
            message: issue.message,
          });
        }
      }
    }
    const last = planned.writes.at(-1);
    if (last !== undefined) written.set(id, writtenPattern(viewer, planned.current, last));
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** The pattern as the import leaves it (bookkeeping of a new one left blank: the check reads none). */
function writtenPattern(
  viewer: Viewer,
  current: Pattern | null,
  content: CreatePatternCommand & { id: string },
): Pattern {
  const base: Pattern = current ?? {
    ...content,
    version: 0,
    createdBy: viewer.id,
    createdAt: '',
    updatedAt: '',
    generation: '',
  };
  return { ...base, ...updateOf(content) };
}

async function write(writer: PatternWriter, viewer: Viewer, planned: Plan): Promise<void> {
  const { item, writes, current } = planned;
  let written: Pattern | null = null;
  try {
    for (const content of writes) {
      written =
        current === null && written === null
          ? await writer.create(viewer, content)
          : await writer.update(
              viewer,
              item.id,
              updateOf(content),
              (written ?? current)?.version ?? 0,
            );
    }
  } catch (error) {
    // Another writer got there between the plan and the write (the id taken, a newer
    // version): this pattern is refused, and what the others did stands.
    if (!(error instanceof DomainError) || error.code === 'SERVICE_UNAVAILABLE') throw error;
    item.outcome = written === null ? 'REFUSED' : item.outcome;
    item.code = error.code;
    item.reason =
      written === null
        ? error.message
        : `stopped after version ${written.version}: ${error.message}`;
    item.version = written?.version ?? null;
    return;
  }
  item.version = written?.version ?? item.version;
}

/**
 * The store failing in the middle leaves the patterns before it written: the answer names them,
 * and the one in flight, which the store may have taken or not (its reply was lost).
 */
function interrupted(error: unknown, done: readonly string[], inFlight: string): unknown {
  if (error instanceof DomainError && error.code !== 'SERVICE_UNAVAILABLE') return error;
  const list = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');
  const written = done.length === 0 ? 'none' : list(done);
  return new ServiceUnavailableError(
    `the import stopped: the store became unreachable while writing ${list([inFlight])}, which may be written in part or not at all; written before it: ${written}. Import the same document again with UPSERT to finish`,
    STORE_RETRY_AFTER_SECONDS,
    null,
    error instanceof ServiceUnavailableError ? undefined : error,
  );
}

function updateOf(content: CreatePatternCommand): UpdatePatternCommand {
  const { name, description, category, steps, metadata, transactional, isActive } = content;
  return { name, description, category, steps, metadata, transactional, isActive };
}
