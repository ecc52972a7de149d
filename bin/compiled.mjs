/**
 * The CLI as one compiled JavaScript file, never older than its sources. Transpiling the
 * TypeScript at every start cost the CLI most of a second; the bundle starts in a fraction.
 *
 * The manifest beside the bundle lists every source file esbuild read (its metafile) with the
 * size and modification time it had; a start stats those files (a few milliseconds) and rebuilds
 * when any differs or is gone, so an edit, a checkout or a pull runs the new code at once.
 * Packages stay outside the bundle (Node loads them from node_modules as ever), so updating one
 * needs no rebuild. Concurrent starts may build at the same time: each writes its own bundle and
 * swaps the manifest in with a rename, so a reader sees the old pair or the new one, never half.
 */
import { readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const MANIFEST = 'manifest.json';

/**
 * Sizes and times of the files the bundle was built from, keyed by path relative to `root`. A
 * file written since `since` may have changed after esbuild read it: it is recorded as changed,
 * so the next start builds again rather than trust a bundle of its older text.
 */
function fingerprint(root, paths, since) {
  const out = {};
  for (const p of paths) {
    const st = statSync(resolve(root, p));
    // From the millisecond after the build began (a file written just before it shares its millisecond).
    out[p] = st.mtimeMs >= since + 1 ? 'changed during the build' : `${st.size}:${st.mtimeMs}`;
  }
  return out;
}

/** The bundle `manifest` names, when every input is as it was; else undefined. */
function fresh(root, outDir, manifest) {
  try {
    for (const [p, was] of Object.entries(manifest.inputs)) {
      const st = statSync(resolve(root, p));
      if (`${st.size}:${st.mtimeMs}` !== was) return undefined;
    }
    const bundle = join(outDir, manifest.bundle);
    statSync(bundle);
    return bundle;
  } catch {
    return undefined;
  }
}

function readManifest(outDir) {
  try {
    const m = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8'));
    return m && typeof m.bundle === 'string' && m.inputs && typeof m.inputs === 'object' ? m : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `import.meta.dirname` in a source means that source's folder (lib/browser finds the built
 * extension from it): in the bundle it becomes the bundle's folder plus the way back to it.
 */
function dirnamePlugin(outDir) {
  return {
    name: 'source-dirname',
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.dirname')) return undefined;
        const back = relative(outDir, dirname(args.path)).split(sep).join('/');
        return {
          contents: text.replaceAll('import.meta.dirname', `(import.meta.dirname + ${JSON.stringify(`/${back}`)})`),
          loader: args.path.endsWith('x') ? 'tsx' : 'ts',
        };
      });
    },
  };
}

/** Builds `entry` into `outDir`; returns the bundle's path. Throws when esbuild is missing or the build fails. */
export async function build(root, entry, outDir) {
  const esbuild = createRequire(import.meta.url)('esbuild');
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  const name = `cli-${process.pid}-${started.toString(36)}.mjs`;
  const result = await esbuild.build({
    entryPoints: [resolve(root, entry)],
    outfile: join(outDir, name),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
    plugins: [dirnamePlugin(outDir)],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/'));
  const manifest = { bundle: name, inputs: fingerprint(root, inputs, started) };
  const tmp = join(outDir, `${MANIFEST}.${process.pid}`);
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, join(outDir, MANIFEST));
  removeOld(outDir, name);
  return join(outDir, name);
}

/** Bundles replaced more than a minute ago (a start that read the old manifest has long loaded them). */
function removeOld(outDir, keep) {
  const now = Date.now();
  for (const f of readdirSync(outDir)) {
    if (!/^cli-.*\.mjs$/.test(f) || f === keep) continue;
    try {
      if (now - statSync(join(outDir, f)).mtimeMs > 60_000) unlinkSync(join(outDir, f));
    } catch {
      // Another start removed it first.
    }
  }
}

/**
 * The up-to-date bundle of `entry` (relative to `root`) in `outDir`, built first when missing or
 * stale; undefined when it cannot be built here (no esbuild in a production install, a
 * read-only folder), and the caller runs the sources instead.
 */
export async function compiledEntry(root, entry, outDir) {
  const manifest = readManifest(outDir);
  const current = manifest && fresh(root, outDir, manifest);
  if (current) return pathToFileURL(current).href;
  try {
    return pathToFileURL(await build(root, entry, outDir)).href;
  } catch {
    return undefined;
  }
}
