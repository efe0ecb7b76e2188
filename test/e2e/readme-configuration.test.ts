/** The README's configuration tables name every variable the server reads, and only those. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../src/config.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows of the tables under "## Configuration", up to its first subsection. */
function configurationSection(): string {
  const start = readme.indexOf('\n## Configuration\n');
  const end = readme.indexOf('\n### ', start);
  return readme.slice(start, end);
}

describe('README configuration', () => {
  it('has a row for every variable loadConfig reads, and none for others', () => {
    const rows = configurationSection()
      .split('\n')
      .filter((line) => line.startsWith('|'));
    const named = new Set(
      rows.flatMap((row) =>
        [...(row.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]),
      ),
    );
    expect([...named].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('keeps each table whole: no row stands outside a table with a header', () => {
    const lines = configurationSection().split('\n');
    lines.forEach((line, at) => {
      if (!line.startsWith('|') || lines[at - 1]?.startsWith('|')) return;
      // The first line of a table is its header, followed by the delimiter row.
      expect(lines[at + 1], line).toMatch(/^\|\s*-{3,}/);
    });
  });
});
