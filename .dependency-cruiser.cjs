/** The import rules of DESIGN.md ("Layout and the direction of imports"), checked in CI. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ imports nothing from schema/, resolvers/, infra/, the app wiring, graphql or ioredis',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        path: [
          '^src/(schema|resolvers|infra)/',
          '^src/(app|main|context|services|websocket|graphql-errors|logger|config)\\.ts$',
          '(^|/)node_modules/(graphql|ioredis|graphql-yoga|@pothos)/',
        ],
      },
    },
    {
      name: 'infra-implements-domain-only',
      comment: 'infra/ implements domain ports; it never sees the GraphQL layer',
      severity: 'error',
      from: { path: '^src/infra/' },
      to: {
        path: ['^src/(schema|resolvers)/', '(^|/)node_modules/(graphql|graphql-yoga|@pothos)/'],
      },
    },
    {
      name: 'resolvers-go-through-services',
      comment: 'resolvers call domain services through the context, never Redis or an adapter',
      severity: 'error',
      from: { path: '^src/(resolvers|schema)/' },
      to: { path: ['^src/infra/', '(^|/)node_modules/ioredis/'] },
    },
    {
      name: 'only-app-chooses-adapters',
      comment: 'app.ts and main.ts are the only modules outside infra/ that import infra/',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/infra/', '^src/(app|main)\\.ts$'] },
      to: { path: '^src/infra/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
