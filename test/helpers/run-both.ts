import { connect, disconnect, keyspace, loadSnippet, type Flavor } from './equivalence';

export interface Run {
  result: unknown;
  keyspace: Record<string, unknown>;
  /** TTL in seconds of every key that has one. */
  ttls: Record<string, number>;
}

/**
 * Runs the original and the fixed snippet, each against an empty keyspace of the same server, and
 * returns what each returned and left behind. `scenario` drives a loaded snippet's exports.
 */
export async function runBoth(
  flavor: Flavor, socket: string, original: string, fixed: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  scenario: (exports: any) => Promise<unknown>,
): Promise<{ before: Run; after: Run }> {
  const options = flavor.startsWith('ioredis') ? { path: socket } : { socket: { path: socket } };
  const inspector = await connect(flavor, socket);
  const send = (args: string[]) => (flavor.startsWith('ioredis') ? inspector.call(...args) : inspector.sendCommand(args));
  const once = async (code: string): Promise<Run> => {
    await send(['FLUSHALL']);
    const loaded = loadSnippet(code, flavor, { options });
    try {
      const result = await scenario(loaded);
      const ttls: Record<string, number> = {};
      for (const key of (await send(['KEYS', '*'])) as string[]) {
        const ttl = Number(await send(['TTL', key]));
        if (ttl >= 0) ttls[key] = ttl;
      }
      return { result, keyspace: await keyspace(flavor, inspector), ttls };
    } finally {
      await loaded.close();
    }
  };
  try {
    const before = await once(original);
    const after = await once(fixed);
    return { before, after };
  } finally {
    await disconnect(inspector);
  }
}

/** The keyspace with TTL flags dropped, to compare values when only the expiry was meant to change. */
export function withoutTtl(space: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(space).map(([key, entry]) => [key, { ...(entry as object), ttl: undefined }]));
}
