export interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}
/** For next.config.js headers(); proxy.ts replaces the CSP of pages with pageCsp(nonce). */
export declare function securityHeaders(): HeaderRule[];
/** The security headers of a path as an object (the plain-Node server sets them on every response). */
export declare function headersFor(pathname: string): Record<string, string>;
/** The CSP of a page rendered by Next.js with this request's nonce. */
export declare function pageCsp(nonce: string): string;
/** A fresh nonce for one page. */
export declare function newNonce(): string;
/** A CSP source that allows exactly this inline script. */
export declare function scriptHash(script: string): string;
/** /embed and /embed/*: the only addresses other sites may frame. */
export declare function isEmbedPath(pathname: string): boolean;
export declare const EMBED_CSP: string;
export declare const PLAIN_CSP: string;
