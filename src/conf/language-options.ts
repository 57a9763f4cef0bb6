import { resolveVersion, versionNames } from './directives/index';

/** `languageOptions` of the redis/conf language. */
export interface ConfLanguageOptions {
  /** Which server reads the file: '6.2', '7.0', '7.2', '7.4', '8' (8.x), 'valkey-7.2', 'valkey-8'. Default: the newest Redis. */
  redisVersion?: string;
  /** Read the file as a Sentinel config (where `sentinel ...` lines are valid). Default: file name starts with `sentinel`. */
  sentinel?: boolean;
}

export function validateConfLanguageOptions(options: ConfLanguageOptions): void {
  if (options === null || typeof options !== 'object') throw new TypeError('redis/conf: languageOptions must be an object');
  const known = new Set(['redisVersion', 'sentinel']);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw new TypeError(`redis/conf: unknown language option "${key}" (known: redisVersion, sentinel)`);
  }
  if (options.redisVersion !== undefined && !resolveVersion(String(options.redisVersion))) {
    throw new TypeError(`redis/conf: redisVersion "${options.redisVersion}" is not one of ${versionNames.join(', ')}`);
  }
  if (options.sentinel !== undefined && typeof options.sentinel !== 'boolean') {
    throw new TypeError('redis/conf: languageOptions.sentinel must be a boolean');
  }
}
