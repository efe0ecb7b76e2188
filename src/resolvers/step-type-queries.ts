import { builder } from '../schema/builder.js';
import { StepTypeInfoRef } from '../schema/types/step-type.js';

builder.queryFields((t) => ({
  stepTypes: t.field({
    type: [StepTypeInfoRef],
    description:
      'Every step type with its actions: descriptions, JSON Schemas of parameters and output, and an example each.',
    resolve: (_, __, ctx) => ctx.services.patterns.input.stepParameters.describe(),
  }),
}));
