/** Types of compiled.mjs, for the tests that exercise it. */
export function build(root: string, entry: string, outDir: string): Promise<string>;
export function compiledEntry(root: string, entry: string, outDir: string): Promise<string | undefined>;
