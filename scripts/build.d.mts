/** Types of scripts/build.mjs, for the tests that build into a folder of their own. */
import type { Metafile } from 'esbuild';

export declare const DIST: string;
export declare const BUILD_STAMP: string;
/** Bundles into `outdir` (dist/ by default), emptied first. */
export declare function buildDist(outdir?: string): Promise<Metafile>;
