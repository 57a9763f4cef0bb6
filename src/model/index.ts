import type { TSESLint } from '@typescript-eslint/utils';
import { buildModel } from './build';
import type { RedisModel } from './types';

export type { RedisModel, RedisCall, ClientInfo, ClientConstruction, Dialect, Library, BatchInfo } from './types';
export { commandTable, commandForMethod, commandForName, hasTrait } from './commands';
export { unwrap, propertyName, enclosingFunction } from './build';

const models = new WeakMap<object, RedisModel>();

/**
 * The Redis model of the file being linted: built on the first question of any rule and shared by
 * all of them, so ten rules cost one walk of the AST.
 */
export function getRedisModel(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): RedisModel {
  const key = context.sourceCode;
  let model = models.get(key);
  if (!model) {
    model = buildModel(context);
    models.set(key, model);
  }
  return model;
}
export { keyShape, isSameKey, hasStaticText, matchesKeyPattern, type KeyShape } from './keys';
export { setOptions, xaddTrim, type SetOptions } from './arguments';
export { sameKeyCalls, isLaterInScope, replyReaches, runsBefore, statementOf } from './pairs';
