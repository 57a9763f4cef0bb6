/** How redis-server checks one directive's value (config.c `standardConfig` types). */
export interface DirectiveSpec {
  /** bool: yes/no; enum: one of `values`; int/memory: a number within [min, max] (memory takes k/kb/m/mb/g/gb);
   *  octal: unixsocketperm; string: any single word; special: its own check in src/conf/validate-value.ts. */
  type: 'bool' | 'enum' | 'int' | 'memory' | 'octal' | 'string' | 'special';
  values?: string[];
  /** Takes any number of words (bind, save, shutdown-on-sigterm flags) instead of exactly one. */
  multi?: boolean;
  /** Bounds as decimal strings: they reach 2^63, beyond a JS number's precision. */
  min?: string;
  max?: string;
  /** maxmemory-clients also takes a percentage of maxmemory. */
  percent?: boolean;
  /** Values of the right type the build the table was derived from still refused, with its reason (Debian's 7.0 refuses
   *  `activedefrag yes`: it is linked to the system jemalloc). Informational only: official builds of the same version
   *  accept them, so conf-valid-directive does not report them; the differential test lists them as build differences. */
  rejects?: Record<string, string>;
  /** The compiled default as CONFIG GET prints it. */
  default?: string;
  /** Valid in the file but not listed by CONFIG GET * (debug configs). */
  hidden?: boolean;
  /** The server's answer to a probe value, kept for special types. */
  probe?: string;
}

export interface DirectiveTable {
  version: string;
  directives: Record<string, DirectiveSpec>;
  /** Old name -> current name (slaveof -> replicaof). */
  aliases: Record<string, string>;
  /** Command names, lower case (rename-command and ACL rules must name one). */
  commands: string[];
  aclCategories: string[];
}
