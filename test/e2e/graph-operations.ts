/** Relationship-graph operations the e2e tests send; `npm run codegen` types them. */
import { graphql } from '../gql/index.js';

export const CreateRelationship = graphql(`
  mutation CreateRelationship($input: CreateRelationshipInput!) {
    createRelationship(input: $input) {
      id
      type
      inverseType
      from { id }
      to { id }
      metadata
      createdAt
      createdBy
    }
  }
`);

export const DeleteRelationship = graphql(`
  mutation DeleteRelationship($id: ID!) {
    deleteRelationship(id: $id)
  }
`);

export const GetRelationship = graphql(`
  query GetRelationship($id: ID!) {
    relationship(id: $id) { id type from { id } to { id } metadata }
  }
`);

export const GetEntity = graphql(`
  query GetEntity($id: ID!, $direction: Direction!, $types: [RelationshipType!], $first: Int, $after: String) {
    entity(id: $id) {
      id
      degree
      outDegree: degree(direction: OUT)
      inDegree: degree(direction: IN)
      relationships(direction: $direction, types: $types, first: $first, after: $after) {
        totalCount
        edges { cursor node { id type from { id } to { id } } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
      neighbors(direction: $direction, types: $types) { id }
    }
  }
`);

export const FindPath = graphql(`
  query FindPath($from: ID!, $to: ID!, $maxDepth: Int!, $direction: Direction!, $types: [RelationshipType!]) {
    findPath(from: $from, to: $to, maxDepth: $maxDepth, direction: $direction, types: $types) {
      length
      entities { id }
      relationships { id type from { id } to { id } }
    }
  }
`);

export const Traverse = graphql(`
  query Traverse($from: ID!, $maxDepth: Int!, $direction: Direction!, $types: [RelationshipType!], $limit: Int) {
    traverse(from: $from, maxDepth: $maxDepth, direction: $direction, types: $types, limit: $limit) {
      entities { entity { id } depth }
      relationships { id type }
    }
  }
`);

export const DetectCycles = graphql(`
  query DetectCycles($types: [RelationshipType!], $from: ID, $limit: Int, $maxLength: Int) {
    detectCycles(types: $types, from: $from, limit: $limit, maxLength: $maxLength) {
      entities { id }
      relationships { id type }
    }
  }
`);

export const GraphStatsQuery = graphql(`
  query GraphStatsQuery {
    graphStats { entityCount relationshipCount byType { type count } }
  }
`);

export const NestedNeighbors = graphql(`
  query NestedNeighbors($id: ID!) {
    entity(id: $id) { neighbors { id neighbors { id neighbors { id degree } } } }
  }
`);
