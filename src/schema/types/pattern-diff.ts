import type { FieldChange, PatternDiff, StepChange } from '../../domain/pattern/pattern-diff.js';
import { builder } from '../builder.js';

export const FieldChangeRef = builder.objectRef<FieldChange>('PatternFieldChange').implement({
  description: 'A field whose value differs between two versions.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The field name, as in Pattern or Step.' }),
    before: t.expose('before', {
      type: 'JSON',
      nullable: true,
      description: 'Its value in the `from` version.',
    }),
    after: t.expose('after', {
      type: 'JSON',
      nullable: true,
      description: 'Its value in the `to` version.',
    }),
  }),
});

export const StepChangeRef = builder.objectRef<StepChange>('StepChange').implement({
  description: 'A step both versions have, with the fields that differ.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The step id.' }),
    changes: t.expose('changes', {
      type: [FieldChangeRef],
      description:
        'Each field that differs (type, action, parameters, dependsOn, timeoutMs, retries).',
    }),
  }),
});

export const PatternDiffRef = builder.objectRef<PatternDiff>('PatternDiff').implement({
  description: 'What changed from one version of a pattern to another.',
  fields: (t) => ({
    from: t.exposeInt('from', { description: 'The earlier version compared (as asked).' }),
    to: t.exposeInt('to', { description: 'The later version compared (as asked).' }),
    fields: t.expose('fields', {
      type: [FieldChangeRef],
      description:
        'Pattern fields that differ: name, description, category, transactional, isActive, metadata.',
    }),
    stepsAdded: t.exposeStringList('stepsAdded', {
      description: 'Ids of steps only in `to`, in its order.',
    }),
    stepsRemoved: t.exposeStringList('stepsRemoved', {
      description: 'Ids of steps only in `from`, in its order.',
    }),
    stepsChanged: t.expose('stepsChanged', {
      type: [StepChangeRef],
      description: 'Steps in both versions whose fields differ, in the order of `to`.',
    }),
    stepsReordered: t.exposeBoolean('stepsReordered', {
      description: 'Whether the steps both versions have are listed in another order.',
    }),
    identical: t.exposeBoolean('identical', {
      description: 'Whether the two versions hold the same content.',
    }),
  }),
});
