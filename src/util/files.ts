/** True for files TypeScript checks, where a rewrite must keep the types right (`new Set<string>()`). */
export function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/.test(filename);
}
