/**
 * Where the benches take Nexus from: its sources through tsx (the default), or, with
 * BENCH_DIST=1, the tsc build in dist/ (run `npm run build` first) as `npm start` runs it. tsx
 * compiles with esbuild's keepNames, which wraps every named function and class it creates in a
 * `__name` call; this tells what that costs.
 */
export const BENCH_DIST = process.env.BENCH_DIST === '1';

/** The server's entry point as startScript runs it (a .js file runs without tsx). */
export const NEXUS_MAIN = BENCH_DIST ? 'dist/main.js' : 'src/main.ts';

/** A module of src/ by its path below src/ (`domain/shared/clock.js`), from dist/ if asked. */
export function nexusModule<T>(path: string): Promise<T> {
  return import(`${BENCH_DIST ? '../dist/' : '../src/'}${path}`) as Promise<T>;
}
