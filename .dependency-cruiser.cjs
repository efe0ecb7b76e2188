/**
 * The direction of imports, as folder rules (docs/architecture.md draws them):
 *
 *   main.ts -> app.ts -> server/ -> schema/ -> resolvers/ -> domain/
 *                    \-> infra/ ------------------------------^
 *
 * domain/ is pure; infra/ implements domain ports; schema/ and resolvers/ reach the domain through
 * the per-request context; server/ is the transport (HTTP, graphql-ws, yoga plugins); only the
 * composition root (app.ts, main.ts) chooses adapters.
 */
const GRAPHQL_PACKAGES =
  '(^|/)node_modules/(graphql|graphql-yoga|graphql-ws|ws|@pothos|@graphql-yoga|@envelop)/';

module.exports = {
  forbidden: [
    {
      name: 'known-folders-only',
      comment: 'every source file lives in a layer folder, or is one of the composition root files',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: ['^src/(domain|infra|schema|resolvers|server)/', '^src/(app|main|config)\\.ts$'],
      },
      to: {},
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports only domain/ and libraries that know nothing of GraphQL or Redis',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        path: ['^src/', GRAPHQL_PACKAGES, '(^|/)node_modules/(ioredis|bullmq)/'],
        pathNot: '^src/domain/',
      },
    },
    {
      name: 'infra-implements-domain-only',
      comment: 'infra/ implements domain ports; it never sees the GraphQL or transport layers',
      severity: 'error',
      from: { path: '^src/infra/' },
      to: { path: ['^src/', GRAPHQL_PACKAGES], pathNot: '^src/(domain|infra)/' },
    },
    {
      name: 'resolvers-go-through-services',
      comment:
        'schema/ and resolvers/ call domain services through the context (server/context.ts), ' +
        'never Redis, an adapter or the transport',
      severity: 'error',
      from: { path: '^src/(resolvers|schema)/' },
      to: {
        path: ['^src/', '(^|/)node_modules/ioredis/'],
        pathNot: ['^src/(domain|schema|resolvers)/', '^src/server/(context|services)\\.ts$'],
      },
    },
    {
      name: 'server-is-transport',
      comment: 'server/ serves a schema it is handed; it never chooses adapters or defines types',
      severity: 'error',
      from: { path: '^src/server/' },
      to: {
        path: [
          '^src/(infra|schema|resolvers)/',
          '^src/(app|main)\\.ts$',
          '(^|/)node_modules/ioredis/',
        ],
      },
    },
    {
      name: 'config-is-a-leaf',
      comment: 'config.ts reads the environment; it may name domain settings types, nothing else',
      severity: 'error',
      from: { path: '^src/config\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(config\\.ts$|domain/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
