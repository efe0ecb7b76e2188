import { type EventPublisher, NO_EVENTS } from '../events/event.js';
import { canDeleteRelationship } from '../shared/access.js';
import type { Clock } from '../shared/clock.js';
import {
  ConflictError,
  ForbiddenError,
  LimitExceededError,
  NotFoundError,
  ValidationError,
} from '../shared/errors.js';
import type { Viewer } from '../shared/viewer.js';
import { arcOf, checkAcyclic, type ExpandVersioned } from './acyclic-check.js';
import { type CycleResult, findCycles } from './cycles.js';
import { type ExpandMany, selectEdges } from './expand.js';
import type { AcyclicGuard, GraphStore } from './graph-store.js';
import {
  type AdjacentEdge,
  acyclicRelationOf,
  type Direction,
  type GraphStats,
  type Relationship,
  type RelationshipType,
} from './relationship.js';
import { newRelationshipId } from './relationship-id.js';
import type { CreateRelationshipCommand } from './relationship-input.js';
import { findShortestPath, type PathResult } from './shortest-path.js';
import { type TraversalResult, traverse } from './traverse.js';

/**
 * Attempts at a create whose check went stale. A stale check means an edge was added below the
 * entities it saw meanwhile (unrelated writes do not count), so each retry follows real progress.
 */
const MAX_WRITE_ATTEMPTS = 8;
/** The deepest traverse / findPath / cycle a caller may ask for, unless configured otherwise. */
export const DEFAULT_MAX_DEPTH = 10;
export const MAX_TRAVERSE_LIMIT = 10_000;
export const MAX_CYCLES = 100;
/** Edges a cycle search may look at, unless configured otherwise. */
export const DEFAULT_MAX_CYCLE_SEARCH_STEPS = 1_000_000;
/** Entities a create's acyclic check may visit below the new edge, unless configured otherwise. */
export const DEFAULT_MAX_ACYCLIC_CHECK_ENTITIES = 5_000;
/** Entities read per round trip when a cycle search covers the whole graph. */
const SCAN_PAGE = 500;

export type TypeFilter = readonly RelationshipType[] | null | undefined;

/** What one caller's graph operation may cost (the Security section of the README). */
export interface GraphLimits {
  /** NEXUS_MAX_TRAVERSAL_DEPTH: bounds traverse, findPath and cycle lengths. */
  maxDepth: number;
  /** NEXUS_MAX_CYCLE_SEARCH_STEPS: edges one detectCycles may look at before it gives up. */
  maxCycleSearchSteps: number;
  /** NEXUS_MAX_ACYCLIC_CHECK_ENTITIES: entities a PARENT/CHILD/OWNER create may check below it. */
  maxAcyclicCheckEntities: number;
}

const DEFAULT_LIMITS: GraphLimits = {
  maxDepth: DEFAULT_MAX_DEPTH,
  maxCycleSearchSteps: DEFAULT_MAX_CYCLE_SEARCH_STEPS,
  maxAcyclicCheckEntities: DEFAULT_MAX_ACYCLIC_CHECK_ENTITIES,
};

export interface GraphServiceOptions {
  /** Where RELATIONSHIP_CREATED / _DELETED go; none by default (benchmarks, algorithm tests). */
  events?: EventPublisher;
  /** Ids for new relationships (time-ordered by default). */
  newId?: (now: Date) => string;
  limits?: Partial<GraphLimits>;
}

export class GraphService {
  private readonly expand: ExpandMany;
  private readonly expandVersioned: ExpandVersioned;
  private readonly limits: GraphLimits;
  private readonly events: EventPublisher;
  private readonly newId: (now: Date) => string;

  constructor(
    private readonly store: GraphStore,
    private readonly clock: Clock,
    { events = NO_EVENTS, newId = newRelationshipId, limits = {} }: GraphServiceOptions = {},
  ) {
    this.events = events;
    this.newId = newId;
    this.expand = (ids, direction) => this.store.adjacency(ids, direction);
    this.expandVersioned = (relation, ids, direction) =>
      this.store.versionedAdjacency(relation, ids, direction);
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /**
   * `origin` ("<execution id>/<step id>"): the pattern step making it. The same step attempted
   * again (its first attempt's outcome unknown after a crash or an outage) gets the relationship
   * it made back instead of a CONFLICT, and its RELATIONSHIP_CREATED is published once.
   */
  async create(
    viewer: Viewer,
    command: CreateRelationshipCommand,
    origin?: string,
  ): Promise<Relationship> {
    const relation = acyclicRelationOf(command.type);
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      let guard: AcyclicGuard | null = null;
      if (relation) {
        const { upper, lower } = arcOf(command.type, command.from, command.to);
        const check = await checkAcyclic(
          this.expandVersioned,
          relation,
          upper,
          lower,
          this.limits.maxAcyclicCheckEntities,
        );
        if ('cycle' in check) {
          throw ValidationError.single(
            ['input'],
            `a ${command.type} relationship from ${command.from} to ${command.to} would close a cycle: ${check.cycle.join(' → ')}`,
          );
        }
        guard = check.guard;
      }
      const now = this.clock.now();
      const relationship: Relationship = {
        id: this.newId(now),
        type: command.type,
        from: command.from,
        to: command.to,
        metadata: command.metadata,
        createdAt: now.toISOString(),
        createdBy: viewer.id,
        ...(origin === undefined ? {} : { origin }),
      };
      // The store re-checks, atomically, that nothing was added below what the check saw.
      const outcome = await this.store.create(relationship, guard);
      if (outcome === 'ok') {
        await this.announce('RELATIONSHIP_CREATED', relationship);
        return relationship;
      }
      if (typeof outcome === 'object') {
        // The first attempt may have stopped between its write and its event.
        await this.announce('RELATIONSHIP_CREATED', outcome.made);
        return outcome.made;
      }
      if (outcome === 'duplicate') {
        throw new ConflictError(
          `a ${command.type} relationship from ${command.from} to ${command.to} already exists`,
        );
      }
    }
    throw new ConflictError('the graph is changing too fast here; try again');
  }

  /** Its creator or an admin may delete a relationship. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    const [relationship] = await this.store.getMany([id]);
    if (!relationship) throw new NotFoundError('Relationship', id);
    if (!canDeleteRelationship(viewer, relationship)) {
      throw new ForbiddenError('only its creator or an admin may delete a relationship');
    }
    if (!(await this.store.delete(relationship))) throw new NotFoundError('Relationship', id);
    await this.announce('RELATIONSHIP_DELETED', relationship);
    return true;
  }

  /**
   * A pattern step's delete (`origin`: "<execution id>/<step id>"), with the same rules as
   * `delete`; answers the relationship deleted (what its undo re-creates). The same step
   * attempted again (its first attempt's outcome unknown) finds its own deletion and gets that
   * relationship back instead of NOT_FOUND; RELATIONSHIP_DELETED is published once.
   */
  async deleteByStep(viewer: Viewer, id: string, origin: string): Promise<Relationship> {
    const [relationship] = await this.store.getMany([id]);
    if (relationship) {
      if (!canDeleteRelationship(viewer, relationship)) {
        throw new ForbiddenError('only its creator or an admin may delete a relationship');
      }
      if (await this.store.delete(relationship, origin)) {
        await this.announce('RELATIONSHIP_DELETED', relationship, true);
        return relationship;
      }
    }
    const deletion = await this.store.deletion(id);
    if (deletion?.origin !== origin) throw new NotFoundError('Relationship', id);
    // The first attempt may have stopped between its write and its event.
    await this.announce('RELATIONSHIP_DELETED', deletion.relationship, true);
    return deletion.relationship;
  }

  /**
   * `byStep`: a pattern step's change, announced once however often the step is attempted
   * (keyed by the relationship's id: it names one create and one delete).
   */
  private announce(
    type: 'RELATIONSHIP_CREATED' | 'RELATIONSHIP_DELETED',
    relationship: Relationship,
    byStep = relationship.origin !== undefined,
  ) {
    return this.events.publish(
      { type, entityId: relationship.from, payload: relationship },
      byStep ? { dedupeId: `${type}/${relationship.id}` } : undefined,
    );
  }

  getMany(ids: readonly string[]): Promise<Array<Relationship | null>> {
    return this.store.getMany(ids);
  }

  adjacency(entityIds: readonly string[], direction: Direction): Promise<AdjacentEdge[][]> {
    return this.store.adjacency(entityIds, direction);
  }

  degrees(entityIds: readonly string[], direction: Direction): Promise<number[]> {
    return this.store.degrees(entityIds, direction);
  }

  stats(): Promise<GraphStats> {
    return this.store.stats();
  }

  traverse(args: {
    from: string;
    maxDepth: number;
    direction: Direction;
    types?: TypeFilter;
    limit?: number | null;
    signal?: AbortSignal;
  }): Promise<TraversalResult> {
    const maxDepth = bounded(args.maxDepth, 0, this.limits.maxDepth, 'maxDepth');
    const limit = bounded(args.limit ?? 1000, 1, MAX_TRAVERSE_LIMIT, 'limit');
    return traverse(this.expandUntil(args.signal), {
      from: args.from,
      maxDepth,
      direction: args.direction,
      types: typeSet(args.types),
      limit,
    });
  }

  findPath(args: {
    from: string;
    to: string;
    maxDepth: number;
    direction: Direction;
    types?: TypeFilter;
    signal?: AbortSignal;
  }): Promise<PathResult | null> {
    const maxDepth = bounded(args.maxDepth, 0, this.limits.maxDepth, 'maxDepth');
    const { signal, ...search } = args;
    return findShortestPath(this.expandUntil(signal), {
      ...search,
      maxDepth,
      types: typeSet(args.types),
    });
  }

  /**
   * Expansion that stops at the next round trip once `signal` aborts: a pattern step that timed
   * out or was cancelled leaves no search running behind it.
   */
  private expandUntil(signal: AbortSignal | undefined): ExpandMany {
    if (!signal) return this.expand;
    return (ids, direction) => {
      signal.throwIfAborted();
      return this.expand(ids, direction);
    };
  }

  /**
   * Directed cycles over the given types. Through `from`: the graph reachable from it within
   * `maxLength` levels, one round trip each; otherwise every entity, a page per round trip.
   * A search that cannot finish within its step budget is refused (LIMIT_EXCEEDED) rather
   * than answered with the cycles it happened to find: an empty list must mean "none".
   */
  async detectCycles(args: {
    types?: TypeFilter;
    from?: string | null;
    limit?: number | null;
    maxLength?: number | null;
    /** Stops the search at its next round trip once aborted (a step that timed out). */
    signal?: AbortSignal;
  }): Promise<CycleResult[]> {
    const { signal } = args;
    const limit = bounded(args.limit ?? 10, 1, MAX_CYCLES, 'limit');
    const maxLength = bounded(args.maxLength ?? DEFAULT_MAX_DEPTH, 1, 20, 'maxLength');
    const types = typeSet(args.types);
    const graph = new Map<string, AdjacentEdge[]>();
    const load = async (ids: string[]) => {
      signal?.throwIfAborted();
      const edgesPerEntity = await this.store.adjacency(ids, 'OUT');
      ids.forEach((id, i) => {
        graph.set(id, selectEdges(edgesPerEntity[i] ?? [], types));
      });
    };

    if (args.from) {
      let frontier = [args.from];
      for (let level = 0; level < maxLength && frontier.length > 0; level++) {
        await load(frontier);
        frontier = [
          ...new Set(frontier.flatMap((id) => (graph.get(id) ?? []).map((edge) => edge.neighbor))),
        ].filter((id) => !graph.has(id));
      }
    } else {
      let cursor = '0';
      do {
        signal?.throwIfAborted();
        const page = await this.store.scanEntities(cursor, SCAN_PAGE);
        if (page.entityIds.length > 0) await load(page.entityIds);
        cursor = page.cursor;
      } while (cursor !== '0');
    }
    const budget = this.limits.maxCycleSearchSteps;
    const search = findCycles(graph, { through: args.from ?? null, limit, maxLength, budget });
    if (search.exhausted) {
      throw new LimitExceededError(
        `the cycle search would look at more than ${budget} edges; narrow it with from, types or a smaller maxLength`,
      );
    }
    return search.cycles;
  }
}

function bounded(value: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw ValidationError.single([name], `must be between ${min} and ${max}`);
  }
  return value;
}

function typeSet(types: TypeFilter): ReadonlySet<RelationshipType> | null {
  return types && types.length > 0 ? new Set(types) : null;
}
