import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Dialect } from '../model';

/**
 * The expiry option of SET in each dialect. node-redis 5 still accepts `{ EX }` but marks it
 * deprecated in favour of `expiration`, so a new line of code uses the current spelling.
 */
export type ExpiryUnit = 'EX' | 'PX' | 'EXAT' | 'PXAT';

/** `amount` is a number or the source text of one (an EXPIRE's seconds argument). */
export function setExpiryOption(dialect: Dialect, unit: ExpiryUnit, amount: number | string): string | undefined {
  switch (dialect) {
    case 'ioredis':
      return `'${unit}', ${amount}`;
    case 'node-redis-4':
      return `{ ${unit}: ${amount} }`;
    case 'node-redis-5':
      return `{ expiration: { type: '${unit}', value: ${amount} } }`;
    default:
      // node-redis 3 ends its argument list with an optional callback; leave it to a human.
      return undefined;
  }
}

/** The property to add to an existing node-redis options object (`{ NX: true }`). */
export function setExpiryProperty(dialect: Dialect, unit: ExpiryUnit, amount: number | string): string | undefined {
  if (dialect === 'node-redis-4') return `${unit}: ${amount}`;
  if (dialect === 'node-redis-5') return `expiration: { type: '${unit}', value: ${amount} }`;
  return undefined;
}

/**
 * `set(key, value)` -> `set(key, value, <expiry>)`: the same value is stored and SET still replies
 * OK; the key now leaves the keyspace after `amount` units.
 */
export function addSetExpiry(
  dialect: Dialect, call: TSESTree.CallExpression, unit: 'EX' | 'PX', amount: number,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const value = call.arguments[1];
  const option = setExpiryOption(dialect, unit, amount);
  if (!value || call.arguments.length !== 2 || !option) return undefined;
  return (fixer) => fixer.insertTextAfter(value, `, ${option}`);
}

/** Adds a TTL to the options of an existing SET: a trailing token pair or a property. */
export function addExpiryToOptions(
  dialect: Dialect, call: TSESTree.CallExpression, object: TSESTree.ObjectExpression | undefined, unit: ExpiryUnit, amount: number | string,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  if (dialect === 'ioredis') {
    // ioredis' typings take the expiry before NX/XX/GET: set(key, value, 'PX', ms, 'NX').
    const firstOption = call.arguments[2];
    if (!firstOption || typeof (firstOption as TSESTree.Literal).value !== 'string') return undefined;
    return (fixer) => fixer.insertTextBefore(firstOption, `'${unit}', ${amount}, `);
  }
  const property = setExpiryProperty(dialect, unit, amount);
  const lastProperty = object?.properties[object.properties.length - 1];
  if (!property || !lastProperty) return undefined;
  return (fixer) => fixer.insertTextAfter(lastProperty, `, ${property}`);
}
