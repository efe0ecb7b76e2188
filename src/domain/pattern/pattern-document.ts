/**
 * The portable document of patterns: what exportPatterns writes and importPatterns reads.
 * Versioned by `formatVersion`; a reader refuses versions it does not know rather than guess.
 */
import { type Issue, type IssuePath, ValidationError } from '../shared/errors.js';
import { jsonByteLength } from '../shared/json.js';
import type { Pattern, PatternOrigin } from './pattern.js';
import { contentOf, type PatternContent } from './pattern-content.js';
import type { CreatePatternCommand, PatternInputParser } from './pattern-input.js';

export const DOCUMENT_FORMAT = 'nexus.patterns';
export const FORMAT_VERSION = 1;

/** How much one export or import may hold. */
export interface PortabilityLimits {
  /** Patterns in one document. */
  maxPatterns: number;
  /** Versions in one document, all patterns together. */
  maxVersions: number;
  /** Bytes of the document as UTF-8 JSON. */
  maxDocumentBytes: number;
}

export const DEFAULT_PORTABILITY_LIMITS: PortabilityLimits = Object.freeze({
  maxPatterns: 100,
  maxVersions: 1_000,
  maxDocumentBytes: 1024 * 1024,
});

/** Recorded for people reading the document; an import ignores it (it cannot restore it). */
export interface PatternInfo {
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ExportedVersion extends PatternContent {
  info: Pick<PatternInfo, 'version' | 'updatedAt'>;
}

export interface ExportedPattern extends PatternContent {
  id: string;
  origin: PatternOrigin;
  info: PatternInfo;
  /** Every version the exporter may read, oldest first (with includeVersions only). */
  versions?: ExportedVersion[];
}

export interface PatternDocument {
  format: typeof DOCUMENT_FORMAT;
  formatVersion: typeof FORMAT_VERSION;
  exportedAt: string;
  patterns: ExportedPattern[];
}

export function exportedPattern(pattern: Pattern, versions: readonly Pattern[] | null) {
  const { name, description, category, steps, metadata, transactional, isActive } =
    contentOf(pattern);
  const exported: ExportedPattern = {
    id: pattern.id,
    name,
    description,
    category,
    origin: pattern.origin,
    steps,
    metadata,
    transactional,
    isActive,
    info: {
      version: pattern.version,
      createdBy: pattern.createdBy,
      createdAt: pattern.createdAt,
      updatedAt: pattern.updatedAt,
    },
  };
  if (versions !== null) {
    exported.versions = versions.map((version) => ({
      ...contentOf(version),
      info: { version: version.version, updatedAt: version.updatedAt },
    }));
  }
  return exported;
}

/** One pattern of a valid document: its content, and the versions to replay when it is new. */
export interface ImportEntry {
  index: number;
  command: CreatePatternCommand & { id: string };
  /** Oldest first; empty when the document carries no versions for it. */
  versions: Array<CreatePatternCommand & { id: string }>;
}

const ROOT: IssuePath = ['document'];

/**
 * Every pattern of an import document, validated as createPattern validates its input; every
 * problem of the whole document reported at once (paths `document.patterns.<i>.…`).
 */
export function parseDocument(
  raw: unknown,
  parser: PatternInputParser,
  limits: PortabilityLimits,
): ImportEntry[] {
  const bytes = jsonByteLength(raw);
  if (bytes > limits.maxDocumentBytes) {
    throw ValidationError.single(
      ROOT,
      `must be at most ${limits.maxDocumentBytes} bytes of JSON (is ${bytes})`,
    );
  }
  const envelope = envelopeOf(raw, limits);
  const issues: Issue[] = [];
  const entries: ImportEntry[] = [];
  const firstIndexOf = new Map<string, number>();
  let versionCount = 0;
  envelope.forEach((item, index) => {
    const path = [...ROOT, 'patterns', index];
    const id = field(item, 'id');
    if (id === undefined || id === null) {
      issues.push({
        path: [...path, 'id'],
        message: 'must be given: an import names every pattern',
      });
    } else if (typeof id === 'string') {
      const first = firstIndexOf.get(id);
      if (first === undefined) firstIndexOf.set(id, index);
      else
        issues.push({
          path: [...path, 'id'],
          message: `"${id}" is already the id of pattern ${first}`,
        });
    }
    const command = collect(issues, () => parser.parseCreate(item, path));
    const rawVersions = field(item, 'versions');
    const versions: ImportEntry['versions'] = [];
    if (rawVersions !== undefined && rawVersions !== null && !Array.isArray(rawVersions)) {
      issues.push({ path: [...path, 'versions'], message: 'must be a list of versions' });
    } else if (Array.isArray(rawVersions)) {
      versionCount += rawVersions.length;
      rawVersions.forEach((version, j) => {
        // A version has the id and origin of its pattern; the document states them once.
        const withIdentity = isObject(version)
          ? { ...version, id: field(item, 'id'), origin: field(item, 'origin') }
          : version;
        const parsed = collect(issues, () =>
          parser.parseCreate(withIdentity, [...path, 'versions', j]),
        );
        if (parsed?.id) versions.push({ ...parsed, id: parsed.id });
      });
    }
    if (command?.id) entries.push({ index, command: { ...command, id: command.id }, versions });
  });
  if (versionCount > limits.maxVersions) {
    issues.push({
      path: [...ROOT, 'patterns'],
      message: `must hold at most ${limits.maxVersions} versions in all (holds ${versionCount})`,
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return entries;
}

/** The patterns list of a document whose format this server reads. */
function envelopeOf(raw: unknown, limits: PortabilityLimits): unknown[] {
  if (!isObject(raw)) throw ValidationError.single(ROOT, 'must be an object');
  const issues: Issue[] = [];
  if (raw.format !== DOCUMENT_FORMAT) {
    issues.push({ path: [...ROOT, 'format'], message: `must be "${DOCUMENT_FORMAT}"` });
  }
  if (raw.formatVersion !== FORMAT_VERSION) {
    issues.push({
      path: [...ROOT, 'formatVersion'],
      message: `unsupported formatVersion ${JSON.stringify(raw.formatVersion) ?? 'undefined'}: this server reads formatVersion ${FORMAT_VERSION}`,
    });
  }
  const patterns = raw.patterns;
  if (!Array.isArray(patterns)) {
    issues.push({ path: [...ROOT, 'patterns'], message: 'must be a list of patterns' });
  } else if (patterns.length > limits.maxPatterns) {
    issues.push({
      path: [...ROOT, 'patterns'],
      message: `must hold at most ${limits.maxPatterns} patterns (holds ${patterns.length})`,
    });
  }
  // A document this server cannot read is not looked into: its patterns may mean something else.
  if (issues.length > 0) throw new ValidationError(issues);
  return patterns as unknown[];
}

function collect<T>(issues: Issue[], parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}
