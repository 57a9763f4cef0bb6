import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../src/util/ast-node-types';
import { createRule } from '../../src/util/create-rule';
import { getRedisModel, hasTrait, type Dialect, type RedisCall, type RedisModel } from '../../src/model';
import {
  analyzeLoop, containsAwait, isKnownArray, mutatedInBody, patternIdentifiers, readsAny, variesPerIteration,
  walkSameFunction, type LoopNode,
} from '../../src/model/loops';
import { pipelineRewrite, twoPassPipelineRewrite, type QueuedCommand } from '../../src/fix/pipeline';
import { mgetRewrite, msetRewrite } from '../../src/fix/multi-key';
import { declarationScope } from '../../src/fix/text';
import { isTypeScriptFile } from '../../src/util/files';

type Options = [{ straightLine?: number }];

/** Commands whose next call depends on this one's reply or on the connection's state: never batched. */
const connectionBound = new Set(['WATCH', 'UNWATCH', 'MULTI', 'EXEC', 'DISCARD', 'SELECT', 'QUIT', 'MONITOR']);

const dialectLabels: Record<Dialect, string> = {
  ioredis: 'ioredis pipeline().exec()',
  'node-redis-3': 'node-redis 3',
  'node-redis-4': 'node-redis 4 multi().execAsPipeline()',
  'node-redis-5': 'node-redis 5+ multi().execAsPipeline()',
};

function isBatchable(call: RedisCall): boolean {
  return call.via !== 'lua' && !call.batch && (call.client.kind === 'client' || call.client.kind === 'cluster') &&
    !hasTrait(call.spec, 'cursor') && !hasTrait(call.spec, 'blocks-connection') && !hasTrait(call.spec, 'subscribes') &&
    !connectionBound.has(call.command);
}

export default createRule<Options, 'loop' | 'reduce' | 'straightLine' | 'suggestPipeline' | 'suggestTwoPass' | 'suggestMget'>({
  name: 'prefer-pipeline',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require independent Redis commands awaited in a loop to be sent in one pipeline',
      recommended: 'warn',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      loop:
        'This loop awaits each Redis command before sending the next: one network round trip per command per iteration (1,000 iterations at 1 ms RTT = 1 s, where one pipeline takes a few ms). Queue the commands in one pipeline.',
      reduce:
        'This reduce awaits the previous step before sending the next Redis command: one round trip per element (1,000 elements at 1 ms RTT = 1 s). Queue the commands in one pipeline.',
      straightLine:
        '{{count}} independent Redis commands awaited one after another on the same client cost {{count}} round trips; one pipeline needs one.',
      suggestPipeline: "Queue the loop's commands in one pipeline ({{dialect}}).",
      suggestTwoPass:
        "Queue the loop's commands in one pipeline, then run the loop's other work on the replies ({{dialect}}); that work now runs after every command was sent.",
      suggestMget:
        'Read all the keys with one MGET. Only when every key holds a string or nothing: for a hash or list key MGET answers null where GET fails with WRONGTYPE.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          straightLine: { type: 'integer', minimum: 0, description: 'Report runs of this many awaited commands in a row on one client (0: off).' },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ straightLine: 0 }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const typescript = isTypeScriptFile(context.filename);
    return {
      'Program:exit'() {
        const model = getRedisModel(context);
        const byLoop = new Map<TSESTree.Node, RedisCall[]>();
        for (const call of model.calls) {
          if (!call.loop) continue;
          const list = byLoop.get(call.loop) ?? [];
          list.push(call);
          byLoop.set(call.loop, list);
        }
        for (const [loop, calls] of byLoop) {
          const awaited = calls.filter((c) => c.awaited);
          if (awaited.length === 0 || !calls.every(isBatchable)) continue;
          // `for (const shard of shards) await shard.del(k)`: a different connection each iteration.
          if (calls.some((c) => c.receiver && variesPerIteration(c.receiver, loop as LoopNode, sourceCode))) continue;
          if (!analyzeLoop(loop as LoopNode, sourceCode, calls).independent) continue;
          if (sendsBatchPerIteration(model, loop as LoopNode, calls)) continue;
          reportLoop(model, loop as LoopNode, calls);
        }
        reportReduceChains(model);
        if ((options.straightLine ?? 0) >= 2) reportStraightLines(model, options.straightLine!);
      },
    };

    /**
     * A loop over chunks that already sends each chunk as one batch: `MGET` of a list of keys,
     * `DEL(...chunk)`, `DEL(chunk)` with a variable known to hold an array, or a pipeline it executes
     * every iteration. Chunking is deliberate, it bounds the
     * size of each request and reply; one pipeline over every chunk would rebuild the giant request.
     */
    function sendsBatchPerIteration(model: RedisModel, loop: LoopNode, calls: RedisCall[]): boolean {
      if (calls.some((call) => {
        if (!hasTrait(call.spec, 'many-keys') || call.via !== 'method') return false;
        const arg = call.args[call.spec.firstKey];
        // `unlink(batch)` with an array sends the whole batch, as `unlink(...batch)` does.
        if (isKeyList(arg)) return true;
        return arg?.type === AST_NODE_TYPES.Identifier && (isKnownArray(arg, sourceCode) || isKeyList(constantValue(arg)));
      })) return true;
      let executesBatch = false;
      walkSameFunction(loop.body, sourceCode.visitorKeys, (node) => {
        if (node.type !== AST_NODE_TYPES.AwaitExpression || node.argument.type !== AST_NODE_TYPES.CallExpression) return;
        const callee = node.argument.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) return;
        if (!['exec', 'execAsPipeline', 'EXEC'].includes(callee.property.name)) return;
        const batch = model.clientOf(callee.object);
        if (batch?.kind === 'pipeline' || batch?.kind === 'multi') executesBatch = true;
      });
      return executesBatch;
    }

    function reportLoop(model: RedisModel, loop: LoopNode, calls: RedisCall[]) {
      const first = calls.find((c) => c.awaited)!;
      const shape = loopShape(loop, calls);
      const rewrite = (dialect: Dialect) =>
        shape && first.client.kind === 'client'
          ? pipelineRewrite(dialect, sourceCode, shape.loop, shape.receiverText, shape.commands, typescript)
          : undefined;
      const dialect = model.dialectOf(first.client);
      if (dialect) {
        const multiKey = shape && first.client.kind === 'client' && !typescript && shape.commands.length === 1 ? shape.commands[0] : undefined;
        // Plain SETs become one MSET (JavaScript only: TypeScript would need the pairs' types spelled out).
        const mset = multiKey && !multiKey.collector && first.command === 'SET'
          ? msetRewrite(dialect, sourceCode, shape!.loop, shape!.receiverText, multiKey.call) : undefined;
        const text = mset ?? rewrite(dialect);
        const mget = multiKey?.collector && first.command === 'GET'
          ? mgetRewrite(dialect, sourceCode, shape!.loop, shape!.receiverText, multiKey.call, multiKey.collector) : undefined;
        // TypeScript types every pipeline reply as unknown (ioredis) or a union of all replies (node-redis):
        // the second pass would not compile where the body uses a reply as what its command returns.
        const twoPass = text || first.client.kind !== 'client' || typescript ? undefined : twoPassShape(loop, calls);
        const twoPassText = twoPass && twoPassPipelineRewrite(dialect, sourceCode, twoPass.loop, twoPass.receiverText, twoPass.calls);
        const suggest: Array<{ messageId: 'suggestTwoPass' | 'suggestMget'; data?: Record<string, string>; fix: TSESLint.ReportFixFunction }> = [];
        if (twoPassText) suggest.push({ messageId: 'suggestTwoPass', data: { dialect: dialectLabels[dialect] }, fix: replaceLoop(loop, twoPassText) });
        if (mget) suggest.push({ messageId: 'suggestMget', fix: replaceLoop(loop, mget) });
        context.report({
          node: first.node,
          messageId: 'loop',
          fix: text ? replaceLoop(loop, text) : null,
          suggest,
        });
        return;
      }
      // Library or major unknown: each dialect's rewrite as a suggestion, for the user to pick.
      const candidates: Dialect[] =
        first.client.library === 'node-redis' ? ['node-redis-4', 'node-redis-5'] : first.client.library ? ['ioredis'] : ['ioredis', 'node-redis-5'];
      const suggest = candidates.flatMap((candidate) => {
        const text = rewrite(candidate);
        return text
          ? [{ messageId: 'suggestPipeline' as const, data: { dialect: dialectLabels[candidate] }, fix: replaceLoop(loop, text) }]
          : [];
      });
      context.report({ node: first.node, messageId: 'loop', suggest });
    }

    /**
     * Replaces the loop, the fix spanning the whole scope its new `const`s live in: a second rewrite in
     * that scope overlaps, so ESLint applies it in a later pass that sees this one's names.
     */
    function replaceLoop(loop: LoopNode, text: string) {
      const scope = declarationScope(loop);
      return (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] => [
        fixer.insertTextBeforeRange([scope.range[0], scope.range[0]], ''),
        fixer.replaceText(loop, text),
        fixer.insertTextAfterRange([scope.range[1], scope.range[1]], ''),
      ];
    }

    /**
     * The loop shapes the autofix rewrites: a loop with a known set of iterations whose body is only
     * awaited commands on one client, each reply dropped or pushed to an array. Anything else in the
     * body would run in a different order after the rewrite, so it gets no autofix.
     */
    function loopShape(loop: LoopNode, calls: RedisCall[]) {
      if (loop.type === AST_NODE_TYPES.WhileStatement || loop.type === AST_NODE_TYPES.DoWhileStatement) return undefined;
      if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.await) return undefined;
      if (loop.parent?.type === AST_NODE_TYPES.LabeledStatement) return undefined;
      const statements = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
      const commands: QueuedCommand[] = [];
      let receiverText: string | undefined;
      for (const statement of statements) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
        let expression = statement.expression;
        let collector: TSESTree.Identifier | undefined;
        if (
          expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.MemberExpression &&
          !expression.callee.computed && !expression.optional && expression.callee.object.type === AST_NODE_TYPES.Identifier &&
          expression.callee.property.type === AST_NODE_TYPES.Identifier && expression.callee.property.name === 'push' &&
          expression.arguments.length === 1
        ) {
          collector = expression.callee.object;
          expression = expression.arguments[0] as TSESTree.Expression;
        }
        if (expression.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
        const call = calls.find((c) => c.node === expression.argument);
        if (!call || call.via !== 'method' || !call.receiver) return undefined;
        const node = call.node as TSESTree.CallExpression;
        if (node.optional || (node.callee as TSESTree.MemberExpression).optional) return undefined;
        const text = sourceCode.getText(call.receiver);
        if (receiverText !== undefined && text !== receiverText) return undefined;
        receiverText = text;
        // Callbacks and node-redis commandOptions() cannot be queued in a batch.
        if (node.arguments.some((a) => a.type === AST_NODE_TYPES.ArrowFunctionExpression || a.type === AST_NODE_TYPES.FunctionExpression)) return undefined;
        if (node.arguments.some((a) => a.type === AST_NODE_TYPES.CallExpression && a.callee.type === AST_NODE_TYPES.Identifier && a.callee.name === 'commandOptions')) return undefined;
        if (node.arguments.some((a) => containsAwait(a, sourceCode.visitorKeys))) return undefined;
        commands.push({ call: node, collector });
      }
      if (commands.length === 0 || commands.length !== calls.length || !receiverText) return undefined;
      // The arguments are evaluated while queueing, before any reply is pushed: they must not read the arrays.
      const collectors = new Set(commands.flatMap((c) => (c.collector ? [c.collector.name] : [])));
      for (const { call } of commands) {
        for (const arg of call.arguments) if (collectors.size > 0 && new RegExp(`\\b(${[...collectors].join('|')})\\b`).test(sourceCode.getText(arg))) return undefined;
      }
      if (collectors.has(receiverText)) return undefined;
      // `const results = []` is an evolving array under --strict: `(typeof results)[number]` in the
      // rewrite would read its type before it has one (TS7034, TS7005).
      if (typescript && commands.some((c) => c.collector && isEvolvingArray(c.collector))) return undefined;
      return { loop, commands, receiverText };
    }

    /**
     * Loops the two-pass suggestion can rewrite: every command runs exactly once per iteration (not
     * under an `if`, `&&`, `?:` or `try`), its arguments use only the loop variable and values from
     * outside the loop, and the iterable can be walked twice (a variable, not a call).
     */
    function twoPassShape(loop: LoopNode, calls: RedisCall[]) {
      if (loop.type === AST_NODE_TYPES.WhileStatement || loop.type === AST_NODE_TYPES.DoWhileStatement) return undefined;
      if (loop.type === AST_NODE_TYPES.ForOfStatement && (loop.await || (loop.right.type !== AST_NODE_TYPES.Identifier && loop.right.type !== AST_NODE_TYPES.MemberExpression))) return undefined;
      if (loop.parent?.type === AST_NODE_TYPES.LabeledStatement || loop.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
      if (loop.type === AST_NODE_TYPES.ForStatement && loop.init?.type === AST_NODE_TYPES.VariableDeclaration) {
        // The second pass replays the header: the body must not move the counter itself.
        const counters = new Set(loop.init.declarations.flatMap((d) => (d.id.type === AST_NODE_TYPES.Identifier ? [d.id.name] : [])));
        let moved = false;
        walkSameFunction(loop.body, sourceCode.visitorKeys, (node) => {
          const target = node.type === AST_NODE_TYPES.UpdateExpression ? node.argument : node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : undefined;
          if (target?.type === AST_NODE_TYPES.Identifier && counters.has(target.name)) moved = true;
        });
        if (moved) return undefined;
      }
      let receiverText: string | undefined;
      const nodes: TSESTree.CallExpression[] = [];
      for (const call of calls) {
        const node = call.node as TSESTree.CallExpression;
        if (!call.awaited || call.via !== 'method' || !call.receiver || node.optional || node.parent?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
        const text = sourceCode.getText(call.receiver);
        if (receiverText !== undefined && text !== receiverText) return undefined;
        receiverText = text;
        if (!runsOncePerIteration(node.parent, loop.body)) return undefined;
        for (const arg of node.arguments) {
          if (containsAwait(arg, sourceCode.visitorKeys) || arg.type === AST_NODE_TYPES.ArrowFunctionExpression || arg.type === AST_NODE_TYPES.FunctionExpression) return undefined;
          let local = false;
          walkSameFunction(arg, sourceCode.visitorKeys, (n) => {
            if (n.type !== AST_NODE_TYPES.Identifier) return;
            const variable = sourceCode.getScope(n).set.get(n.name) ?? findVariableFrom(n);
            const def = variable?.defs[0]?.node as TSESTree.Node | undefined;
            if (def && def.range[0] >= loop.body.range[0] && def.range[1] <= loop.body.range[1]) local = true;
            // `i++` in the body: the first pass would read the value from before the loop every time.
            if (variable?.references.some((ref) => ref.isWrite() && within(ref.identifier as TSESTree.Node, loop.body))) local = true;
          });
          if (local) return undefined;
        }
        nodes.push(node);
      }
      if (!receiverText || runsAfterOtherWork(loop.body, nodes)) return undefined;
      // `u.visits++` next to `redis.set(key, u.visits)`: the first pass would read every value before
      // the body changed any of them.
      const mutated = mutatedInBody(loop.body, sourceCode.visitorKeys, { argumentsToo: true, ignore: new Set(nodes) });
      if (nodes.some((node) => node.arguments.some((arg) => readsAny(arg, mutated, sourceCode.visitorKeys)))) return undefined;
      return { loop, receiverText, calls: nodes };
    }

    /**
     * True when some other awaited work (`await handle(msg)`) or a `continue` comes before a command in
     * the body. The first pass would send the command before that work: an XACK before the message is
     * handled (a crash loses the message), a read before the write it was meant to see; and a command
     * skipped by `continue` would still be queued, shifting every later reply onto the wrong iteration.
     */
    function runsAfterOtherWork(body: TSESTree.Node, commands: TSESTree.CallExpression[]): boolean {
      const lastStart = Math.max(...commands.map((c) => c.range[0]));
      const commandAwaits = new Set<TSESTree.Node>(commands.map((c) => c.parent!));
      let found = false;
      walkSameFunction(body, sourceCode.visitorKeys, (node, nested) => {
        if (node.range[0] >= lastStart) return;
        if ((node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) && !commandAwaits.has(node)) found = true;
        if (node.type === AST_NODE_TYPES.ContinueStatement && !nested) found = true;
      });
      return found;
    }

    /** The initializer of a `const` the identifier names. */
    function constantValue(id: TSESTree.Identifier): TSESTree.Node | undefined {
      const variable = findVariableFrom(id);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
      return def.parent.kind === 'const' && def.node.id.type === AST_NODE_TYPES.Identifier ? def.node.init ?? undefined : undefined;
    }

    function isEvolvingArray(collector: TSESTree.Identifier): boolean {
      const def = findVariableFrom(collector)?.defs[0];
      if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
      const declarator = def.node;
      return declarator.id.type === AST_NODE_TYPES.Identifier && !declarator.id.typeAnnotation &&
        declarator.init?.type === AST_NODE_TYPES.ArrayExpression && declarator.init.elements.length === 0;
    }

    function findVariableFrom(id: TSESTree.Identifier) {
      for (let scope: ReturnType<typeof sourceCode.getScope> | null = sourceCode.getScope(id); scope; scope = scope.upper) {
        const found = scope.set.get(id.name);
        if (found) return found;
      }
      return undefined;
    }

    /** `items.reduce(async (previous, item) => { await previous; await redis.set(...) }, ...)` runs one element at a time. */
    function reportReduceChains(model: RedisModel) {
      const reported = new Set<TSESTree.Node>();
      for (const call of model.calls) {
        if (!call.awaited || call.loop || !call.fn || reported.has(call.fn) || !isBatchable(call)) continue;
        const fn = call.fn as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
        const parent = fn.parent;
        if (
          parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== fn ||
          parent.callee.type !== AST_NODE_TYPES.MemberExpression || parent.callee.property.type !== AST_NODE_TYPES.Identifier ||
          parent.callee.property.name !== 'reduce' || !fn.async
        ) continue;
        const accumulator = fn.params[0];
        if (accumulator?.type !== AST_NODE_TYPES.Identifier || fn.body.type !== AST_NODE_TYPES.BlockStatement) continue;
        const awaitsAccumulator = (expression: TSESTree.Node | null | undefined) =>
          expression?.type === AST_NODE_TYPES.AwaitExpression && expression.argument.type === AST_NODE_TYPES.Identifier &&
          expression.argument.name === accumulator.name;
        // `await previous;` or `const acc = await previous;`, before the command.
        const awaitsPrevious = fn.body.body.some((s) => s.range[1] <= call.node.range[0] && (
          (s.type === AST_NODE_TYPES.ExpressionStatement && awaitsAccumulator(s.expression)) ||
          (s.type === AST_NODE_TYPES.VariableDeclaration && s.declarations.some((d) => awaitsAccumulator(d.init)))));
        if (!awaitsPrevious) continue;
        reported.add(fn);
        context.report({ node: call.node, messageId: 'reduce' });
      }
    }

    /** Runs of `await redis.cmd(...)` statements in one block whose arguments do not use earlier replies. */
    function reportStraightLines(model: RedisModel, minimum: number) {
      const byStatement = new Map<TSESTree.Node, RedisCall>();
      for (const call of model.calls) {
        if (!call.awaited || call.loop || !isBatchable(call) || call.via === 'lua' || !call.receiver) continue;
        const statement = statementOf(call.node);
        if (statement) byStatement.set(statement, call);
      }
      const blocks = new Set([...byStatement.keys()].map((s) => s.parent!));
      for (const block of blocks) {
        const body = (block as TSESTree.BlockStatement).body;
        let run: RedisCall[] = [];
        let replies = new Set<string>();
        const flush = () => {
          if (run.length >= minimum) context.report({ node: run[0].node, messageId: 'straightLine', data: { count: run.length } });
          run = [];
          replies = new Set();
        };
        for (const statement of body) {
          const call = byStatement.get(statement);
          const receiver = call ? sourceCode.getText(call.receiver!) : undefined;
          const usesReply = call && (call.node as TSESTree.CallExpression).arguments.some((a) =>
            [...replies].some((name) => new RegExp(`\\b${name}\\b`).test(sourceCode.getText(a))));
          if (!call || usesReply || (run.length > 0 && receiver !== sourceCode.getText(run[0].receiver!))) flush();
          if (!call) continue;
          run.push(call);
          if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
            for (const d of statement.declarations) for (const name of patternIdentifiers(d.id)) replies.add(name);
          }
        }
        flush();
      }
    }
  },
});

/** Node types under which an expression is evaluated exactly once each time its statement runs. */
const unconditional = new Set<string>([
  AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.VariableDeclaration, AST_NODE_TYPES.ExpressionStatement, AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.TemplateLiteral, AST_NODE_TYPES.ObjectExpression, AST_NODE_TYPES.Property, AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.BinaryExpression, AST_NODE_TYPES.SpreadElement, AST_NODE_TYPES.TSAsExpression, AST_NODE_TYPES.TSNonNullExpression,
]);

/** Array methods that hand back a list: `chunk.map((id) => \`user:${id}\`)`, `ids.slice(i, i + 500)`. */
const listMethods = new Set(['map', 'slice', 'filter', 'splice', 'concat', 'flat', 'flatMap']);

/** A key argument that is a list of keys rather than one key: `...chunk`, `[a, b]`, `chunk.map(toKey)`. */
function isKeyList(arg: TSESTree.Node | undefined): boolean {
  if (!arg) return false;
  if (arg.type === AST_NODE_TYPES.SpreadElement) return true;
  if (arg.type === AST_NODE_TYPES.ArrayExpression) return arg.elements.length > 1 || arg.elements.some((e) => e?.type === AST_NODE_TYPES.SpreadElement);
  return arg.type === AST_NODE_TYPES.CallExpression && arg.callee.type === AST_NODE_TYPES.MemberExpression &&
    arg.callee.property.type === AST_NODE_TYPES.Identifier && listMethods.has(arg.callee.property.name);
}

function within(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

function runsOncePerIteration(node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p === body) return true;
    if (!unconditional.has(p.type)) return false;
  }
  return false;
}

/** The statement that is exactly `await call;` or `const x = await call;`, if the call is written that way. */
function statementOf(node: TSESTree.Node): TSESTree.Node | undefined {
  const awaitNode = node.parent;
  if (awaitNode?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const holder = awaitNode.parent;
  if (holder?.type === AST_NODE_TYPES.ExpressionStatement) return inBlock(holder);
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.parent.declarations.length === 1) return inBlock(holder.parent);
  return undefined;
}

function inBlock(statement: TSESTree.Node): TSESTree.Node | undefined {
  const parent = statement.parent;
  return parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program ? statement : undefined;
}
