/** A port the OS reports free on 127.0.0.1. */
export declare function freePort(): Promise<number>;
