/**
 * The baseline: a bare graphql-yoga server (SDL + plain resolvers, no Pothos, no Nexus
 * layers) answering `pattern(id)` with one hand-written ioredis call on the same key.
 */
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { RedisKeys } from '../src/infra/redis/keys.js';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  enableAutoPipelining: true,
});
const docsKey = new RedisKeys(process.env.NEXUS_KEY_PREFIX ?? 'nexus:').patternDocs();

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      scalar JSON
      type Step { id: String! type: String! action: String! parameters: JSON dependsOn: [String!]! retries: Int! timeoutMs: Int }
      type Pattern {
        id: ID! name: String! description: String version: Int! origin: String! category: String!
        steps: [Step!]! metadata: JSON transactional: Boolean! isActive: Boolean!
        createdBy: String! createdAt: String! updatedAt: String!
      }
      type Query { pattern(id: ID!): Pattern }
    `,
    resolvers: {
      Query: {
        pattern: async (_: unknown, { id }: { id: string }) => {
          const doc = await redis.hget(docsKey, id);
          return doc === null ? null : JSON.parse(doc);
        },
      },
    },
  }),
  logging: false,
});

const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 4001), () => {
  process.stdout.write('baseline ready\n');
});
process.once('SIGTERM', () => {
  server.close();
  void redis.quit().then(() => process.exit(0));
});
