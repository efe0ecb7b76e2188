import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PORTABILITY_LIMITS,
  exportedPattern,
  parseDocument,
} from '../../src/domain/pattern/pattern-document.js';
import { patternInputParser } from '../../src/domain/pattern/pattern-input.js';
import { ValidationError } from '../../src/domain/shared/errors.js';
import { makePattern, nextVersion, step } from '../helpers/patterns.js';

const parser = patternInputParser();

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const doc = (patterns: unknown) => ({ format: 'nexus.patterns', formatVersion: 1, patterns });

describe('the patterns document', () => {
  it('reads back what an export writes, versions with the id and origin of their pattern', () => {
    const v1 = makePattern({ origin: 'SYSTEM', steps: [step('a')] });
    const v2 = nextVersion(v1, { name: 'Renamed', steps: [step('a'), step('b', ['a'])] });
    const exported = exportedPattern(v2, [v1, v2]);
    const [entry, ...rest] = parseDocument(
      JSON.parse(JSON.stringify(doc([exported]))),
      parser,
      DEFAULT_PORTABILITY_LIMITS,
    );
    expect(rest).toEqual([]);
    expect(entry?.command).toEqual({
      id: v2.id,
      name: 'Renamed',
      description: null,
      origin: 'SYSTEM',
      category: v2.category,
      steps: v2.steps,
      metadata: v2.metadata,
      transactional: false,
      isActive: true,
    });
    expect(entry?.versions.map((v) => [v.id, v.origin, v.name, v.steps.length])).toEqual([
      [v1.id, 'SYSTEM', v1.name, 1],
      [v1.id, 'SYSTEM', 'Renamed', 2],
    ]);
  });

  it('refuses what is not a document before looking at its patterns', () => {
    expect(issuesOf(() => parseDocument([], parser, DEFAULT_PORTABILITY_LIMITS))).toEqual([
      { path: ['document'], message: 'must be an object' },
    ]);
    const wrong = { format: 'other', formatVersion: '1', patterns: {} };
    expect(issuesOf(() => parseDocument(wrong, parser, DEFAULT_PORTABILITY_LIMITS))).toEqual([
      { path: ['document', 'format'], message: 'must be "nexus.patterns"' },
      {
        path: ['document', 'formatVersion'],
        message: 'unsupported formatVersion "1": this server reads formatVersion 1',
      },
      { path: ['document', 'patterns'], message: 'must be a list of patterns' },
    ]);
  });

  it('bounds the bytes, the patterns and the versions of a document', () => {
    const pattern = exportedPattern(makePattern(), [makePattern(), makePattern()]);
    const limits = { maxPatterns: 1, maxVersions: 1, maxDocumentBytes: 100_000 };
    expect(issuesOf(() => parseDocument(doc([pattern, pattern]), parser, limits))).toEqual([
      { path: ['document', 'patterns'], message: 'must hold at most 1 patterns (holds 2)' },
    ]);
    expect(issuesOf(() => parseDocument(doc([pattern]), parser, limits))).toContainEqual({
      path: ['document', 'patterns'],
      message: 'must hold at most 1 versions in all (holds 2)',
    });
    const small = { ...limits, maxDocumentBytes: 50 };
    const [tooLarge] = issuesOf(() => parseDocument(doc([pattern]), parser, small));
    expect(tooLarge?.path).toEqual(['document']);
    expect(tooLarge?.message).toMatch(/^must be at most 50 bytes of JSON \(is \d+\)$/);
  });

  it('names a versions field that is not a list, and every problem of every pattern', () => {
    const issues = issuesOf(() =>
      parseDocument(
        doc([
          { ...exportedPattern(makePattern({ id: 'a' }), null), versions: 'all' },
          'not a pattern',
        ]),
        parser,
        DEFAULT_PORTABILITY_LIMITS,
      ),
    );
    expect(issues.map((issue) => issue.path.join('.'))).toEqual([
      'document.patterns.0.versions',
      'document.patterns.1.id',
      'document.patterns.1',
    ]);
  });
});
