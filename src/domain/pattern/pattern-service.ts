import { type EventPublisher, NO_EVENTS } from '../events/event.js';
import {
  canCreatePattern,
  canManagePattern,
  canReadPattern,
  patternAudience,
  patternVisibility,
} from '../shared/access.js';
import type { Clock } from '../shared/clock.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { timeOrderedId } from '../shared/ids.js';
import { decodeKeysetCursor, encodeKeysetCursor, type Page } from '../shared/pagination.js';
import type { Viewer } from '../shared/viewer.js';
import type { Pattern, PatternFilter, PatternStats } from './pattern.js';
import { sameContent } from './pattern-content.js';
import { diffPatterns, type PatternDiff } from './pattern-diff.js';
import {
  DEFAULT_PORTABILITY_LIMITS,
  type PatternDocument,
  type PortabilityLimits,
  parseDocument,
} from './pattern-document.js';
import { buildExport, type ExportSelection } from './pattern-export.js';
import { type ImportMode, type ImportReport, runImport } from './pattern-import.js';
import {
  type CreatePatternCommand,
  isPatternId,
  type PatternInputParser,
  patternInputParser,
  type UpdatePatternCommand,
} from './pattern-input.js';
import { refuseRecursion } from './pattern-recursion.js';
import { keysetOf, listPosition, type PatternStore } from './pattern-store.js';
import { slugify } from './slug.js';

/** Upper bound on compare-and-set rounds for one write under contention. */
const MAX_WRITE_ATTEMPTS = 64;

export class PatternService {
  constructor(
    private readonly store: PatternStore,
    private readonly clock: Clock,
    private readonly events: EventPublisher = NO_EVENTS,
    /** Validates create/update input under the configured caps (resolvers call it first). */
    readonly input: PatternInputParser = patternInputParser(),
    /** How much one export or import may hold. */
    readonly portability: PortabilityLimits = DEFAULT_PORTABILITY_LIMITS,
  ) {}

  /** The pattern (or one version of it) if the viewer may read it; null otherwise. */
  async get(viewer: Viewer, id: string, version?: number | null): Promise<Pattern | null> {
    if (version !== undefined && version !== null && (!Number.isInteger(version) || version < 1)) {
      throw ValidationError.single(['version'], 'must be a positive integer');
    }
    if (!isPatternId(id)) return null;
    if (!version) {
      const current = await this.store.get(id);
      return current && canReadPattern(viewer, current) ? current : null;
    }
    // Whether a pattern exists for the viewer is its current version's matter: an old, active
    // version of a system pattern made inactive since must not show that it is there.
    const [pattern, current] = await Promise.all([
      this.store.getVersion(id, version),
      this.store.get(id),
    ]);
    if (!pattern || !current || !canReadPattern(viewer, current)) return null;
    return canReadPattern(viewer, pattern) ? pattern : null;
  }

  async getMany(viewer: Viewer, ids: readonly string[]): Promise<Array<Pattern | null>> {
    const valid = ids.map(isPatternId);
    const found = await this.store.getMany(ids.filter((_, i) => valid[i]));
    let next = 0;
    return valid.map((ok) => {
      const pattern = ok ? (found[next++] ?? null) : null;
      return pattern && canReadPattern(viewer, pattern) ? pattern : null;
    });
  }

  async versions(viewer: Viewer, id: string): Promise<Pattern[]> {
    const versions = isPatternId(id) ? await this.store.listVersions(id) : [];
    // Oldest first: the last is the current version, which decides whether any is visible.
    const current = versions.at(-1);
    if (current === undefined || !canReadPattern(viewer, current)) return [];
    return versions.filter((pattern) => canReadPattern(viewer, pattern));
  }

  async stats(ids: readonly string[]): Promise<PatternStats[]> {
    return this.store.getStats(ids);
  }

  async list(
    viewer: Viewer,
    filter: PatternFilter,
    first: number,
    after: string | null,
  ): Promise<Page<Pattern, string>> {
    const keyset = after === null ? null : decodeKeysetCursor(after);
    const position = keyset && { updatedAtMs: keyset.ms, id: keyset.id };
    const search = filter.search?.trim().toLowerCase();
    const result = await this.store.list({
      filter: { ...filter, search: search === '' ? undefined : search },
      visibleTo: patternVisibility(viewer),
      after: position,
      limit: first,
    });
    return {
      items: result.items.map((item) => ({
        item,
        cursor: encodeKeysetCursor(keysetOf(listPosition(item))),
      })),
      totalCount: result.totalCount,
      hasNextPage: result.hasMore,
      hasPreviousPage: result.countBefore > 0,
    };
  }

  async create(viewer: Viewer, command: CreatePatternCommand): Promise<Pattern> {
    if (!canCreatePattern(viewer, command.origin)) {
      throw new ForbiddenError('only admins may create system patterns');
    }
    if (command.id !== null) await refuseRecursion(this.store, viewer, command.id, command.steps);
    const now = this.clock.now().toISOString();
    const build = (id: string): Pattern => ({
      id,
      name: command.name,
      description: command.description,
      version: 1,
      origin: command.origin,
      category: command.category,
      steps: command.steps,
      metadata: command.metadata,
      transactional: command.transactional,
      isActive: command.isActive,
      createdBy: viewer.id,
      createdAt: now,
      updatedAt: now,
      generation: timeOrderedId('g', this.clock.now()),
    });

    if (command.id !== null) {
      const pattern = build(command.id);
      if (!(await this.store.create(pattern))) {
        // Ids are one global namespace (README, Security): that one is taken is all this says,
        // the same whoever owns it and whether or not the caller may read it.
        throw new ConflictError(`the pattern id "${command.id}" is taken`);
      }
      return this.announce(pattern, 'created');
    }
    // A generated id must not fail because the name was used before: suffix it instead.
    const base = slugify(command.name);
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      const pattern = build(attempt === 1 ? base : `${base}_${attempt}`);
      if (await this.store.create(pattern)) return this.announce(pattern, 'created');
    }
    throw new ConflictError(`could not generate a free id from the name "${command.name}"`);
  }

  async update(
    viewer: Viewer,
    id: string,
    command: UpdatePatternCommand,
    expectedVersion?: number | null,
  ): Promise<Pattern> {
    return this.writeNext(viewer, id, expectedVersion, () => command);
  }

  /**
   * Writes version n+1 with the content of an earlier version, validated as an update is (the
   * caps may have changed since). Restoring the content the pattern already has writes nothing
   * and returns the current version.
   */
  async restore(
    viewer: Viewer,
    id: string,
    version: number,
    expectedVersion?: number | null,
  ): Promise<Pattern> {
    requireVersionNumber(['version'], version);
    let old: Pattern | null | undefined;
    return this.writeNext(viewer, id, expectedVersion, async (current) => {
      old ??= await this.store.getVersion(id, version);
      // A version of an earlier life of the id (deleted and created again) is not this pattern's.
      if (!old || old.generation !== current.generation) {
        throw new NotFoundError('Pattern version', `${id}@${version}`);
      }
      if (sameContent(old, current)) return null;
      const { name, description, category, steps, metadata, transactional, isActive } = old;
      return this.input.parseUpdate(
        { name, description, category, steps, metadata, transactional, isActive },
        ['version'],
      );
    });
  }

  /** What changed between two versions the viewer may read; NOT_FOUND when one is not there. */
  async diff(viewer: Viewer, id: string, from: number, to: number): Promise<PatternDiff> {
    requireVersionNumber(['from'], from);
    requireVersionNumber(['to'], to);
    const [before, after] = await Promise.all([
      this.get(viewer, id, from),
      this.get(viewer, id, to),
    ]);
    if (!before) throw new NotFoundError('Pattern version', `${id}@${from}`);
    if (!after) throw new NotFoundError('Pattern version', `${id}@${to}`);
    return diffPatterns(before, after);
  }

  /** The portable document of the selected patterns (see pattern-export.ts). */
  async exportDocument(
    viewer: Viewer,
    selection: ExportSelection,
    includeVersions: boolean,
  ): Promise<PatternDocument> {
    return buildExport(this, viewer, selection, includeVersions, {
      limits: this.portability,
      exportedAt: this.clock.now().toISOString(),
    });
  }

  /** Validates the whole document and plans every pattern before the first write. */
  async importDocument(
    viewer: Viewer,
    document: unknown,
    mode: ImportMode,
    dryRun: boolean,
  ): Promise<ImportReport> {
    const entries = parseDocument(document, this.input, this.portability);
    return runImport(this.store, this, viewer, entries, mode, dryRun);
  }

  /**
   * The one path of writing version n+1: permissions, `expectedVersion`, recursion and the
   * compare-and-set retry. `commandFor` returns null when there is nothing to write.
   */
  private async writeNext(
    viewer: Viewer,
    id: string,
    expectedVersion: number | null | undefined,
    commandFor: (
      current: Pattern,
    ) => UpdatePatternCommand | null | Promise<UpdatePatternCommand | null>,
  ): Promise<Pattern> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const current = await this.requireManageable(viewer, id);
      if (expectedVersion !== undefined && expectedVersion !== null) {
        if (current.version !== expectedVersion) {
          throw new ConflictError(
            `pattern "${id}" is at version ${current.version}, not ${expectedVersion}`,
          );
        }
      }
      const command = await commandFor(current);
      if (command === null) return current;
      const next = this.applyUpdate(current, command);
      if (command.steps) await refuseRecursion(this.store, viewer, id, command.steps);
      const outcome = await this.store.update(current, next);
      if (outcome === 'ok') return this.announce(next, 'updated');
      if (outcome === 'missing') throw new NotFoundError('Pattern', id);
      // 'stale': someone else wrote in between; re-read and try again (the expected
      // version, if given, is re-checked against the newer record and will conflict).
    }
    throw new ConflictError(`pattern "${id}" is changing too fast; try again`);
  }

  async delete(viewer: Viewer, id: string): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const current = await this.requireManageable(viewer, id);
      const outcome = await this.store.delete(current);
      if (outcome === 'ok') {
        await this.announce(current, 'deleted');
        return true;
      }
      if (outcome === 'missing') throw new NotFoundError('Pattern', id);
    }
    throw new ConflictError(`pattern "${id}" is changing too fast; try again`);
  }

  /** Creates each pattern that does not exist yet; existing ones are left as they are. */
  async ensureExists(viewer: Viewer, commands: readonly CreatePatternCommand[]): Promise<string[]> {
    const created: string[] = [];
    for (const command of commands) {
      if (command.id === null || (await this.store.get(command.id))) continue;
      try {
        await this.create(viewer, command);
        created.push(command.id);
      } catch (error) {
        // Another instance created it at the same moment: that is the idempotent outcome.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return created;
  }

  private async announce(
    pattern: Pattern,
    change: 'created' | 'updated' | 'deleted',
  ): Promise<Pattern> {
    await this.events.publish({
      type: 'PATTERN_CHANGED',
      patternId: pattern.id,
      name: change,
      payload: { change, version: pattern.version },
      audience: patternAudience(pattern),
    });
    return pattern;
  }

  private async requireManageable(viewer: Viewer, id: string): Promise<Pattern> {
    const current = isPatternId(id) ? await this.store.get(id) : null;
    // What the viewer may not read does not exist for them: the same answer as an unknown id.
    if (!current || !canReadPattern(viewer, current)) throw new NotFoundError('Pattern', id);
    if (!canManagePattern(viewer, current)) {
      throw new ForbiddenError(`only admins may change the system pattern "${id}"`);
    }
    return current;
  }

  private applyUpdate(current: Pattern, command: UpdatePatternCommand): Pattern {
    const now = this.clock.now();
    // Keep updatedAt strictly increasing per pattern, even if the clock stalls or steps back.
    const updatedAtMs = Math.max(now.getTime(), Date.parse(current.updatedAt) + 1);
    return {
      ...current,
      name: command.name ?? current.name,
      description: command.description === undefined ? current.description : command.description,
      category: command.category ?? current.category,
      steps: command.steps ?? current.steps,
      metadata: command.metadata === undefined ? current.metadata : command.metadata,
      transactional: command.transactional ?? current.transactional,
      isActive: command.isActive ?? current.isActive,
      version: current.version + 1,
      updatedAt: new Date(updatedAtMs).toISOString(),
    };
  }
}

function requireVersionNumber(path: readonly string[], version: number): void {
  if (!Number.isInteger(version) || version < 1) {
    throw ValidationError.single(path, 'must be a positive integer');
  }
}
