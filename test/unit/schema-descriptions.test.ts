/**
 * The schema documents itself: every type, field, argument, input field and enum value that
 * Nexus defines carries a description a client developer can act on, and every custom scalar
 * names its specification (@specifiedBy) in introspection.
 */
import {
  graphql,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

/** Types defined by Nexus: not introspection's `__*` types nor graphql's own scalars. */
function ownTypes() {
  return Object.values(schema.getTypeMap()).filter(
    (type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type),
  );
}

const blank = (description: string | null | undefined) => !description?.trim();

/** Every schema coordinate (Type, Type.field, Type.field(arg:), Enum.VALUE) with no description. */
function undocumented(): string[] {
  const missing: string[] = [];
  for (const type of ownTypes()) {
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
      }
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    expect(undocumented()).toEqual([]);
  });

  it('does not merely restate a name', () => {
    // A description that is the name in other words ("The id.", "Id") tells a client nothing.
    const restated: string[] = [];
    for (const type of ownTypes()) {
      if (!isObjectType(type) && !isInputObjectType(type) && !isInterfaceType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const words = (field.description ?? '').toLowerCase().replace(/[^a-z ]/g, '');
        const name = field.name.toLowerCase();
        if (words === name || words === `the ${name}` || words === `its ${name}`) {
          restated.push(`${type.name}.${field.name}: ${field.description}`);
        }
      }
    }
    expect(restated).toEqual([]);
  });

  it('names the specification of every custom scalar in introspection', async () => {
    const result = await graphql({
      schema,
      source: '{ __schema { types { name kind specifiedByURL description } } }',
    });
    expect(result.errors).toBeUndefined();
    const types = (
      result.data as {
        __schema: {
          types: Array<{ name: string; kind: string; specifiedByURL: string | null }>;
        };
      }
    ).__schema.types;
    const custom = types.filter((type) => {
      const named = schema.getType(type.name);
      return type.kind === 'SCALAR' && named !== undefined && !isSpecifiedScalarType(named);
    });
    expect(custom.map((type) => type.name).sort()).toEqual(
      ownTypes()
        .filter(isScalarType)
        .map((type) => type.name)
        .sort(),
    );
    expect(custom.length).toBeGreaterThan(0);
    const urls = Object.fromEntries(custom.map((type) => [type.name, type.specifiedByURL]));
    expect(urls.DateTime).toBe('https://www.rfc-editor.org/rfc/rfc3339#section-5.6');
    expect(urls.JSON).toBe(
      'https://ecma-international.org/publications-and-standards/standards/ecma-404/',
    );
    for (const [name, url] of Object.entries(urls)) {
      expect(url, name).toMatch(/^https:\/\//);
    }
  });
});
