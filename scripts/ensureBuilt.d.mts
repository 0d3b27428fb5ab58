/** Types of scripts/ensureBuilt.mjs, for its tests. */
export declare const BUILD_SETTINGS: readonly string[];
/** Why the bundles in `dist` are stale, or undefined when they are not. */
export declare function staleReason(root?: string, dist?: string): string | undefined;
/** Rebuilds dist/ when it is stale. */
export declare function ensureBuilt(): Promise<void>;
