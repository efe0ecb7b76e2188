import { describe, expect, it } from 'vitest';
import {
  isPatternId,
  parseCreatePatternInput,
  parseUpdatePatternInput,
} from '../../src/domain/pattern/pattern-input.js';
import { slugify } from '../../src/domain/pattern/slug.js';
import { SYSTEM_PATTERNS } from '../../src/domain/pattern/system-patterns.js';
import { ValidationError } from '../../src/domain/shared/errors.js';

const issues = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('parseCreatePatternInput', () => {
  it('fills defaults and trims the name', () => {
    const command = parseCreatePatternInput({
      name: '  Spaced  ',
      category: 'USER',
      steps: [{ id: 'a', type: 'DELAY', action: 'wait' }],
    });
    expect(command).toEqual({
      id: null,
      name: 'Spaced',
      description: null,
      origin: 'USER',
      category: 'USER',
      steps: [
        {
          id: 'a',
          type: 'DELAY',
          action: 'wait',
          parameters: null,
          dependsOn: [],
          retries: 0,
          timeoutMs: null,
        },
      ],
      metadata: null,
      transactional: false,
      isActive: true,
    });
  });

  it('prefixes every issue path with the argument path', () => {
    expect(
      issues(() => parseCreatePatternInput({ name: '', category: 'USER', steps: [] }, ['input'])),
    ).toEqual([
      { path: ['input', 'name'], message: 'must not be empty' },
      { path: ['input', 'steps'], message: 'must contain at least 1 step' },
    ]);
  });

  it('checks step relations even when other fields of the steps are malformed', () => {
    const found = issues(() =>
      parseCreatePatternInput({
        name: 'x',
        category: 'USER',
        steps: [
          {
            id: 'a',
            type: 'CACHE',
            action: 'get',
            parameters: { key: 'a' },
            retries: 'many',
            dependsOn: ['b'],
          },
          { id: 'b', type: 'CACHE', action: 'get', parameters: { key: 'b' }, dependsOn: ['a'] },
        ],
      }),
    );
    expect(found.map((issue) => issue.path)).toEqual([
      ['steps', 0, 'retries'],
      ['steps', 0, 'dependsOn'],
    ]);
  });

  it('counts JSON size in bytes, not characters', () => {
    const multibyte = { text: 'é'.repeat(33 * 1024) }; // 66 KiB in UTF-8, 33 K characters
    expect(
      issues(() =>
        parseCreatePatternInput({
          name: 'x',
          category: 'USER',
          metadata: multibyte,
          steps: [{ id: 'a', type: 'DELAY', action: 'wait' }],
        }),
      ),
    ).toEqual([{ path: ['metadata'], message: 'must be at most 64 KiB of JSON' }]);
  });
});

describe('parseUpdatePatternInput', () => {
  it('keeps undefined (unchanged) apart from null (cleared)', () => {
    expect(parseUpdatePatternInput({ description: null, metadata: null })).toEqual({
      description: null,
      metadata: null,
    });
    expect(parseUpdatePatternInput({ isActive: false })).toEqual({ isActive: false });
  });

  it('refuses an update that changes nothing', () => {
    expect(issues(() => parseUpdatePatternInput({}, ['input']))).toEqual([
      { path: ['input'], message: 'provide at least one field to change' },
    ]);
  });
});

describe('ids', () => {
  it('slugs names into valid pattern ids', () => {
    expect(slugify('User Onboarding Flow')).toBe('user_onboarding_flow');
    expect(slugify('  Crème brûlée -- 2!  ')).toBe('creme_brulee_2');
    expect(slugify('!!!')).toBe('pattern');
    expect(slugify('x'.repeat(300))).toHaveLength(120);
    for (const name of ['User Onboarding Flow', '!!!', `${'a_'.repeat(100)}`, 'Ünïcode']) {
      expect(isPatternId(slugify(name))).toBe(true);
    }
  });

  it('defines system patterns that pass their own validation', () => {
    for (const pattern of SYSTEM_PATTERNS) {
      expect(parseCreatePatternInput(pattern)).toEqual(pattern);
    }
  });
});
