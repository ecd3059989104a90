/** The Chromium binary. */
export declare const CHROMIUM_PATH: string;
/** No sandbox (root), no GPU, and no background network traffic on a closed network. */
export declare const CHROMIUM_ARGS: string[];
