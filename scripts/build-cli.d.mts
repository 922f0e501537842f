// Types for scripts/build-cli.mjs (plain JS so bin/kubedeck.mjs can run it without a TypeScript loader).
export declare const CLI_OUT_DIR: string;
export declare const CLI_ENTRY: string;
export declare const CLI_CHUNKS: string;
export declare function cliBuildIsFresh(): boolean;
export declare function buildCli(): Promise<{ startedAt: number; inputs: string[]; outputs: string[] }>;
export declare function ensureCliBuild(): Promise<boolean>;
