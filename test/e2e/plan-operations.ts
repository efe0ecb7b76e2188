/** Dry-run and pattern-warning operations the e2e tests send; `npm run codegen` types them. */
import { graphql } from '../gql/index.js';

export const PlannedTextFields = graphql(`
  fragment PlannedTextFields on PlannedText { template value resolved reason }
`);

export const PlanEffects = graphql(`
  query PlanEffects($id: ID!, $input: JSON) {
    planPattern(id: $id, input: $input) {
      levels
      criticalPath
      effects {
        stepId
        reads { action key { ...PlannedTextFields } }
        writes { action key { ...PlannedTextFields } }
        createsRelationships {
          from { ...PlannedTextFields }
          to { ...PlannedTextFields }
          type { ...PlannedTextFields }
        }
        deletesRelationships { ...PlannedTextFields }
        publishes { eventType { ...PlannedTextFields } payload payloadResolved }
        runsPattern { patternId { ...PlannedTextFields } input inputResolved }
        readsGraph
        unknown { parameter reason }
      }
      conflicts { kind steps target key edge { from to type } inputIndependent }
      conflictCount
      conflictsComplete
      unresolved { stepId what template reason }
    }
  }
`);

export const CreateWithWarnings = graphql(`
  mutation CreateWithWarnings($input: CreatePatternInput!) {
    createPattern(input: $input) {
      id
      version
      warnings { code message steps key edge { from to type } }
    }
  }
`);

export const PatternWarnings = graphql(`
  query PatternWarnings($id: ID!) {
    pattern(id: $id) { version warnings { code steps key edge { from to type } } }
  }
`);
