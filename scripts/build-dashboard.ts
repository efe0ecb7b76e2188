/**
 * Bundles dashboard/ into dist/dashboard: index.html, assets/<name>-<hash>.{js,css}(.map) and a
 * manifest of the asset names, which is all that src/server/http/dashboard-route.ts serves.
 * Run by `npm run build:dashboard` and by `prepare` (so `npm ci` builds it); tests call it too.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE = `${ROOT}dashboard/`;

export interface DashboardBuild {
  directory: string;
  /** Asset names (under assets/) with their sizes in bytes. */
  assets: Array<{ name: string; bytes: number }>;
}

export async function buildDashboard(
  outDirectory = `${ROOT}dist/dashboard/`,
): Promise<DashboardBuild> {
  const assetsDirectory = `${outDirectory}assets/`;
  await rm(outDirectory, { recursive: true, force: true });
  await mkdir(assetsDirectory, { recursive: true });
  const result = await build({
    entryPoints: { main: `${SOURCE}src/main.ts` },
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'esm',
    target: ['es2022'],
    platform: 'browser',
    outdir: assetsDirectory,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'linked',
    logLevel: 'warning',
    tsconfig: `${SOURCE}tsconfig.json`,
  });
  const outputs = Object.keys(result.metafile.outputs).map((path) => basename(path));
  const script = outputs.find((name) => name.endsWith('.js'));
  const style = outputs.find((name) => name.endsWith('.css'));
  if (!script || !style) throw new Error(`the dashboard build made no script or style: ${outputs}`);
  const template = await readFile(`${SOURCE}index.html`, 'utf8');
  const html = template
    .replace('%SCRIPT%', `/dashboard/assets/${script}`)
    .replace('%STYLE%', `/dashboard/assets/${style}`);
  await writeFile(`${outDirectory}index.html`, html);
  await writeFile(
    `${outDirectory}manifest.json`,
    `${JSON.stringify({ assets: outputs }, null, 2)}\n`,
  );
  const assets = await Promise.all(
    outputs.map(async (name) => ({ name, bytes: (await stat(`${assetsDirectory}${name}`)).size })),
  );
  return { directory: outDirectory, assets };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { directory, assets } = await buildDashboard();
  for (const { name, bytes } of assets)
    console.log(`${(bytes / 1024).toFixed(1).padStart(8)} KiB  ${name}`);
  console.log(`dashboard built in ${directory}`);
}
