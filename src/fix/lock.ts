import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Dialect } from '../model';
import { operandText } from './text';
import { setExpiryOption, type ExpiryUnit } from './ttl';

/**
 * The owner check and the delete run as one script, so no other client can take the lock between
 * them. Replies 1 when this token's lock was deleted and 0 otherwise, as DEL replies 1 or 0.
 */
export const compareAndDeleteScript =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export function compareAndDelete(
  dialect: Dialect, sourceCode: Readonly<TSESLint.SourceCode>, receiver: TSESTree.Node, key: TSESTree.Node, token: TSESTree.Node,
): string | undefined {
  const client = operandText(sourceCode, receiver);
  const script = JSON.stringify(compareAndDeleteScript);
  const keyText = sourceCode.getText(key);
  const tokenText = sourceCode.getText(token);
  if (dialect === 'ioredis') return `${client}.eval(${script}, 1, ${keyText}, ${tokenText})`;
  if (dialect === 'node-redis-4' || dialect === 'node-redis-5') {
    // node-redis sends script arguments as given and requires strings.
    return `${client}.eval(${script}, { keys: [${keyText}], arguments: [String(${tokenText})] })`;
  }
  return undefined;
}

/**
 * `setnx(key, token)` -> `set(key, token, NX + lease)`: the lock and its lease in one command, so a
 * holder that dies leaves a key that expires. SETNX replies 1 or 0 and SET NX replies OK or null:
 * the same truthiness, so callers must only test the reply (the rule checks).
 */
export function setnxWithLease(
  dialect: Dialect, sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, receiver: TSESTree.Node,
  unit: ExpiryUnit, amount: number | string,
): string | undefined {
  const [key, value] = call.arguments;
  if (call.arguments.length !== 2 || key.type === 'SpreadElement' || value.type === 'SpreadElement') return undefined;
  const client = operandText(sourceCode, receiver);
  const head = `${client}.set(${sourceCode.getText(key)}, ${sourceCode.getText(value)}, `;
  if (dialect === 'ioredis') return `${head}${setExpiryOption(dialect, unit, amount)}, 'NX')`;
  if (dialect === 'node-redis-4') return `${head}{ NX: true, ${unit}: ${amount} })`;
  if (dialect === 'node-redis-5') return `${head}{ condition: 'NX', expiration: { type: '${unit}', value: ${amount} } })`;
  return undefined;
}
