import { LimitExceededError, NotFoundError, ValidationError } from '../shared/errors.js';
import { jsonByteLength } from '../shared/json.js';
import type { Page } from '../shared/pagination.js';
import type { Viewer } from '../shared/viewer.js';
import type { Pattern, PatternFilter } from './pattern.js';
import {
  DOCUMENT_FORMAT,
  exportedPattern,
  FORMAT_VERSION,
  type PatternDocument,
  type PortabilityLimits,
} from './pattern-document.js';

/** Named patterns, or those a filter lists. */
export type ExportSelection = { ids: readonly string[] } | { filter: PatternFilter };

/** The service's reads, each already restricted to what the viewer may read. */
export interface PatternReader {
  getMany(viewer: Viewer, ids: readonly string[]): Promise<Array<Pattern | null>>;
  list(
    viewer: Viewer,
    filter: PatternFilter,
    first: number,
    after: string | null,
  ): Promise<Page<Pattern, string>>;
  versions(viewer: Viewer, id: string): Promise<Pattern[]>;
}

/**
 * The portable document of the selected patterns, each with every version when asked. Unknown
 * ids are NOT_FOUND: an export that silently lacks a pattern would lose it on the way back. A
 * document past the limits is refused whole rather than cut short, for the same reason.
 */
export async function buildExport(
  reader: PatternReader,
  viewer: Viewer,
  selection: ExportSelection,
  includeVersions: boolean,
  options: { limits: PortabilityLimits; exportedAt: string },
): Promise<PatternDocument> {
  const { maxVersions, maxDocumentBytes } = options.limits;
  const patterns = await selected(reader, viewer, selection, options.limits.maxPatterns);
  // Versions are numbered 1..n, so the current number bounds how many there are: a history too
  // long for one document is refused before any of it is read (it may be far longer).
  const bound = patterns.reduce((sum, pattern) => sum + pattern.version, 0);
  if (includeVersions && bound > maxVersions) {
    throw new LimitExceededError(
      `the export would hold up to ${bound} versions; at most ${maxVersions} fit one document`,
    );
  }
  const versions = includeVersions
    ? await Promise.all(patterns.map((pattern) => reader.versions(viewer, pattern.id)))
    : null;
  const versionCount = versions?.reduce((sum, list) => sum + list.length, 0) ?? 0;
  if (versionCount > maxVersions) {
    throw new LimitExceededError(
      `the export would hold ${versionCount} versions; at most ${maxVersions} fit one document`,
    );
  }
  const document: PatternDocument = {
    format: DOCUMENT_FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: options.exportedAt,
    patterns: patterns.map((pattern, i) => exportedPattern(pattern, versions?.[i] ?? null)),
  };
  // Never hand out a document that importPatterns would refuse as too large.
  const bytes = jsonByteLength(document);
  if (bytes > maxDocumentBytes) {
    throw new LimitExceededError(
      `the export would be ${bytes} bytes; at most ${maxDocumentBytes} fit one document`,
    );
  }
  return document;
}

async function selected(
  reader: PatternReader,
  viewer: Viewer,
  selection: ExportSelection,
  maxPatterns: number,
): Promise<Pattern[]> {
  if ('ids' in selection) {
    const ids = [...new Set(selection.ids)];
    if (ids.length > maxPatterns) {
      throw ValidationError.single(['ids'], `must name at most ${maxPatterns} patterns`);
    }
    const found = await reader.getMany(viewer, ids);
    const missing = ids.filter((_, i) => !found[i]);
    if (missing.length > 0) throw new NotFoundError('Pattern', missing.join('", "'));
    return found.filter((pattern): pattern is Pattern => pattern !== null);
  }
  const page = await reader.list(viewer, selection.filter, maxPatterns, null);
  if (page.totalCount > maxPatterns) {
    throw new LimitExceededError(
      `${page.totalCount} patterns match; an export holds at most ${maxPatterns} (narrow the filter or name ids)`,
    );
  }
  return page.items.map((edge) => edge.item);
}
