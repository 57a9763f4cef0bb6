import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Dialect } from '../model';
import { asStatements, declarationScope, freshName, indentOf } from './text';

/** One statement of a loop body the pipeline rewrite understands: a command, its reply kept or dropped. */
export interface QueuedCommand {
  call: TSESTree.CallExpression;
  /** The array the reply is pushed to (`results` in `results.push(await redis.get(k))`), if any. */
  collector?: TSESTree.Identifier;
}

/**
 * Rewrites a loop that awaits one command after another into one pipeline: the loop queues the
 * commands, one round trip sends them all, and the replies are collected in the same order.
 * ioredis `exec()` resolves to `[error, value]` pairs instead of rejecting, so the rewrite rethrows the
 * first error: a failing command still throws, as the awaited call did. node-redis `execAsPipeline()`
 * already rejects with the first command's error.
 */
export function pipelineRewrite(
  dialect: Dialect,
  sourceCode: Readonly<TSESLint.SourceCode>,
  loop: TSESTree.ForStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement,
  receiverText: string,
  commands: QueuedCommand[],
  typescript: boolean,
): string | undefined {
  if (dialect === 'node-redis-3') return undefined;
  const { lines, pipeline, blockText, indent, inner, nodeRedis } = queueingLoop(dialect, sourceCode, loop, receiverText, commands.map((c) => c.call));
  const replies = freshName(['replies'], blockText, pipeline);
  // These live only in the new loops, which read nothing but the batch, the replies and the arrays.
  const loopText = sourceCode.getText(loop);
  const value = freshName(['value', 'reply'], loopText, pipeline, replies);
  const error = freshName(['error', 'commandError'], loopText, pipeline, replies);
  const index = freshName(['i', 'replyIndex'], loopText, pipeline, replies);
  // node-redis types a pipeline's replies as a union of every reply shape, which TypeScript refuses to
  // narrow to the array's element type directly; ioredis types them `unknown`.
  const cast = (collector: TSESTree.Identifier, text: string) =>
    typescript ? `${text} as ${dialect === 'ioredis' ? '' : 'unknown as '}(typeof ${collector.name})[number]` : text;

  const exec = nodeRedis ? `await ${pipeline}.execAsPipeline()` : `(await ${pipeline}.exec()) ?? []`;
  const collected = commands.filter((c) => c.collector);
  if (collected.length === 0) {
    lines.push(nodeRedis ? `${indent}${exec};` : `${indent}for (const [${error}] of ${exec}) if (${error}) throw ${error};`);
  } else if (commands.length === 1) {
    const collector = commands[0].collector!;
    if (nodeRedis) {
      lines.push(`${indent}for (const ${value} of ${exec}) ${collector.name}.push(${cast(collector, value)});`);
    } else {
      lines.push(
        `${indent}for (const [${error}, ${value}] of ${exec}) {`,
        `${inner}if (${error}) throw ${error};`,
        `${inner}${collector.name}.push(${cast(collector, value)});`,
        `${indent}}`,
      );
    }
  } else {
    lines.push(`${indent}const ${replies} = ${exec};`);
    if (!nodeRedis) lines.push(`${indent}for (const [${error}] of ${replies}) if (${error}) throw ${error};`);
    lines.push(`${indent}for (let ${index} = 0; ${index} < ${replies}.length; ${index} += ${commands.length}) {`);
    commands.forEach(({ collector }, offset) => {
      if (!collector) return;
      const at = `${replies}[${offset === 0 ? index : `${index} + ${offset}`}]${nodeRedis ? '' : '[1]'}`;
      lines.push(`${inner}${collector.name}.push(${cast(collector, at)});`);
    });
    lines.push(`${indent}}`);
  }
  return asStatements(loop, indent, lines.join('\n'));
}


/**
 * For a loop with other logic around its commands: a first pass queues the commands in one pipeline,
 * a second pass runs the original body with each awaited command replaced by its reply. The body's
 * own work now runs after every command was sent, and the iterable is walked twice, so this is only
 * ever offered as a suggestion.
 */
export function twoPassPipelineRewrite(
  dialect: Dialect,
  sourceCode: Readonly<TSESLint.SourceCode>,
  loop: TSESTree.ForStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement,
  receiverText: string,
  calls: TSESTree.CallExpression[],
): string | undefined {
  if (dialect === 'node-redis-3') return undefined;
  const { lines, pipeline, blockText, indent, inner, nodeRedis, header } = queueingLoop(dialect, sourceCode, loop, receiverText, calls);
  const replies = freshName(['replies'], blockText, pipeline);
  const index = freshName(['replyIndex'], blockText, pipeline, replies);
  // The body again, each `await command(...)` replaced by the next reply.
  let body = '';
  let at = loop.body.range[0];
  for (const call of [...calls].sort((a, b) => a.range[0] - b.range[0])) {
    const awaited = call.parent as TSESTree.AwaitExpression;
    body += sourceCode.text.slice(at, awaited.range[0]) + `${replies}[${index}++]`;
    at = awaited.range[1];
  }
  body += sourceCode.text.slice(at, loop.body.range[1]);
  const exec = nodeRedis
    ? `await ${pipeline}.execAsPipeline()`
    : `((await ${pipeline}.exec()) ?? []).map(([error, value]) => {\n${inner}if (error) throw error;\n${inner}return value;\n${indent}})`;
  return asStatements(loop, indent, [
    ...lines,
    `${indent}const ${replies} = ${exec};`,
    `${indent}let ${index} = 0;`,
    `${indent}${header}${body}`,
  ].join('\n'));
}

/** The first half of every pipeline rewrite: a batch on the same client, and the loop queueing each command on it. */
function queueingLoop(
  dialect: Dialect,
  sourceCode: Readonly<TSESLint.SourceCode>,
  loop: TSESTree.ForStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement,
  receiverText: string,
  calls: TSESTree.CallExpression[],
) {
  // Names are checked against the whole scope the new `const` lives in, next to the loop.
  const blockText = sourceCode.getText(declarationScope(loop));
  const indent = indentOf(sourceCode, loop);
  const inner = `${indent}  `;
  const nodeRedis = dialect !== 'ioredis';
  const pipeline = freshName(['pipeline', 'batch'], blockText);
  const header = sourceCode.text.slice(loop.range[0], loop.body.range[0]);
  const queued = calls.map((call) => {
    const callee = call.callee as TSESTree.MemberExpression;
    return `${inner}${pipeline}${sourceCode.text.slice(callee.object.range[1], call.range[1])};`;
  });
  const lines = [
    `const ${pipeline} = ${receiverText}.${nodeRedis ? 'multi' : 'pipeline'}();`,
    `${indent}${header}{`,
    ...queued,
    `${indent}}`,
  ];
  return { lines, pipeline, blockText, indent, inner, nodeRedis, header };
}
