import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Dialect } from '../model';
import { operandText } from './text';

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
