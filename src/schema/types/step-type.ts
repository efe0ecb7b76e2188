import type {
  StepActionDescription,
  StepTypeDescription,
} from '../../domain/pattern/step-parameters/index.js';
import { builder } from '../builder.js';
import { StepTypeEnum } from './pattern.js';

export const StepActionInfoRef = builder
  .objectRef<StepActionDescription>('StepActionInfo')
  .implement({
    description:
      'One action of a step type: what it does, the parameters it takes and the output it gives, as JSON Schema (draft 2020-12). createPattern and updatePattern check parameters against parametersSchema; a template string stands for any value there and is checked once rendered.',
    fields: (t) => ({
      action: t.exposeString('action', { description: 'The action, as a step names it.' }),
      description: t.exposeString('description', { description: 'What the action does.' }),
      parametersSchema: t.expose('parametersSchema', {
        type: 'JSON',
        description: 'JSON Schema of the step’s parameters (unknown keys are refused).',
      }),
      outputSchema: t.expose('outputSchema', {
        type: 'JSON',
        description:
          'JSON Schema of the step’s output, which later steps read as {steps.<id>.output…}.',
      }),
      example: t.expose('example', {
        type: 'JSON',
        description: 'Parameters that parametersSchema accepts.',
      }),
    }),
  });

export const StepTypeInfoRef = builder.objectRef<StepTypeDescription>('StepTypeInfo').implement({
  description: 'A step type and the actions it has.',
  fields: (t) => ({
    type: t.expose('type', { type: StepTypeEnum, description: 'The step type.' }),
    description: t.exposeString('description', { description: 'What steps of this type do.' }),
    actions: t.expose('actions', {
      type: [StepActionInfoRef],
      description: 'Its actions, each with its parameters and output.',
    }),
  }),
});
