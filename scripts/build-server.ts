/**
 * Compiles src/ into dist/ with tsc (tsconfig.build.json), and copies the files beside the
 * sources that the server reads at run time (the Redis scripts under src/infra/redis/lua), so
 * `node dist/main.js` finds them where it finds them under tsx. dist/dashboard (the dashboard's
 * bundle, scripts/build-dashboard.ts) is left alone; everything else in dist/ is replaced, so a
 * source deleted since the last build leaves no stale module behind.
 */
import { spawnSync } from 'node:child_process';
import { cp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Written by another build; kept. */
const KEPT = new Set(['dashboard']);

export async function buildServer(): Promise<void> {
  const out = `${ROOT}dist/`;
  const present = await readdir(out).catch(() => [] as string[]);
  await Promise.all(
    present
      .filter((name) => !KEPT.has(name))
      .map((name) => rm(`${out}${name}`, { recursive: true, force: true })),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', `${ROOT}tsconfig.build.json`], {
    stdio: 'inherit',
  });
  if (compiled.status !== 0) throw new Error(`tsc failed (exit ${compiled.status})`);
  await cp(`${ROOT}src/`, out, {
    recursive: true,
    // Directories are walked; of the files, only what tsc does not emit.
    filter: (source) => !source.endsWith('.ts'),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildServer();
  console.log(`server built in dist/ (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
