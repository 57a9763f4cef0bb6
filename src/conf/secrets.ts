/** Directives whose value is a secret: it never appears in a message or an output format. */
export const secretDirectives = new Set(['requirepass', 'masterauth', 'tls-key-file-pass', 'tls-client-key-file-pass']);
/** `sentinel <statement> <master> <secret>` lines whose last word is a secret. */
export const secretSentinelStatements = new Set(['auth-pass', 'sentinel-pass']);
