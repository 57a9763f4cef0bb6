import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { commandForMethod, commandForName, type CommandSpec } from './commands';
import { luaCommands, luaSourceOf } from './lua';
import { resolveMajorVersion } from './versions';
import { walkSameFunction } from './loops';
import type { BatchInfo, ClientConstruction, ClientInfo, Dialect, Library, RedisCall, RedisModel } from './types';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface RedisSettings {
  /** Receiver names the user vouches for: `redis`, `cache`, `this.store`'s `store`. */
  clientNames?: string[];
  /** Major versions to assume per module, overriding package.json: `{ redis: 4 }`. */
  versions?: Record<string, number>;
}

const moduleLibraries: Record<string, Library> = {
  ioredis: 'ioredis',
  iovalkey: 'iovalkey',
  redis: 'node-redis',
  '@redis/client': 'node-redis',
};

/** What an imported or required binding of a Redis module is. */
type BindingKind =
  | 'class' // new X() builds a client (ioredis default export, also carries .Cluster)
  | 'cluster-class' // new X() builds a cluster client
  | 'namespace' // X.createClient(), new X.Redis(), new X.Cluster(), new X.default()
  | 'factory' // createClient()
  | 'cluster-factory' // createCluster()
  | 'client-type' // a type naming a client: RedisClientType, Redis (as a type)
  | 'cluster-type'
  | 'pipeline-type' // ChainableCommander, Pipeline
  | 'script-definer'; // node-redis defineScript({ SCRIPT }): Lua the client will run

interface Binding {
  library: Library;
  moduleName: string;
  kind: BindingKind;
}

const namedExportKinds: Record<Library, Record<string, BindingKind>> = {
  ioredis: {
    default: 'class', Redis: 'class', Cluster: 'cluster-class', ChainableCommander: 'pipeline-type',
    Pipeline: 'pipeline-type', RedisOptions: 'client-type',
  },
  iovalkey: {
    default: 'class', Redis: 'class', Valkey: 'class', Cluster: 'cluster-class', ChainableCommander: 'pipeline-type',
    Pipeline: 'pipeline-type',
  },
  'node-redis': {
    default: 'namespace', createClient: 'factory', createCluster: 'cluster-factory',
    RedisClientType: 'client-type', RedisClusterType: 'cluster-type', RedisClient: 'client-type',
    defineScript: 'script-definer',
  },
};
// RedisOptions is a type of options, not a client: never let it mark a value as a client.
delete namedExportKinds.ioredis.RedisOptions;

const loopTypes = new Set<string>([
  AST_NODE_TYPES.ForStatement, AST_NODE_TYPES.ForInStatement, AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement, AST_NODE_TYPES.DoWhileStatement,
]);
const functionTypes = new Set<string>([
  AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.ArrowFunctionExpression,
]);
const transparentWrappers = new Set<string>([
  AST_NODE_TYPES.TSAsExpression, AST_NODE_TYPES.TSNonNullExpression, AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion, AST_NODE_TYPES.ChainExpression,
]);

/**
 * EventEmitter methods return the emitter itself, so the client flows through them:
 * `await createClient().on('error', log).connect()` is node-redis's documented way to build one.
 */
const listenerMethods = new Set(['on', 'once', 'off', 'addListener', 'removeListener', 'prependListener', 'prependOnceListener', 'removeAllListeners', 'setMaxListeners']);

/** Methods that are not commands but build, run or feed commands. */
const scriptMethods = new Set(['eval', 'evalsha', 'evalRo', 'evalshaRo', 'eval_ro', 'evalsha_ro', 'EVAL', 'EVALSHA', 'EVAL_RO', 'EVALSHA_RO', 'defineCommand', 'script', 'scriptLoad', 'SCRIPT_LOAD']);

export function unwrap(node: Node): Node {
  let current = node;
  while (transparentWrappers.has(current.type)) {
    current = (current as TSESTree.TSAsExpression).expression;
  }
  return current;
}

export function propertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.computed && member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string') {
    return member.property.value;
  }
  return undefined;
}

export function enclosingFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (functionTypes.has(p.type)) return p;
  return undefined;
}

function enclosingLoop(node: Node): Node | undefined {
  let child: Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (functionTypes.has(p.type)) return undefined;
    if (loopTypes.has(p.type)) {
      // Only the parts that run once per iteration: not a for-of's iterable or a for's init.
      if ((p.type === AST_NODE_TYPES.ForOfStatement || p.type === AST_NODE_TYPES.ForInStatement) && child === p.right) continue;
      if (p.type === AST_NODE_TYPES.ForStatement && child === p.init) continue;
      return p;
    }
  }
  return undefined;
}

function isAwaited(node: Node): boolean {
  let current: Node = node;
  while (current.parent && transparentWrappers.has(current.parent.type)) current = current.parent;
  return current.parent?.type === AST_NODE_TYPES.AwaitExpression;
}

export function buildModel(context: Context): RedisModel {
  const sourceCode = context.sourceCode;
  const settings = ((context.settings as Record<string, unknown>).redis ?? {}) as RedisSettings;
  const clientNames = new Set(settings.clientNames ?? []);
  const services = sourceCode.parserServices as
    | { program?: import('typescript').Program | null; esTreeNodeToTSNodeMap?: { get(node: Node): import('typescript').Node } }
    | undefined;
  const checker = services?.program ? services.program.getTypeChecker() : undefined;

  const bindings = new Map<Variable, Binding>();
  const callNodes: TSESTree.CallExpression[] = [];
  const newNodes: TSESTree.NewExpression[] = [];
  /** Per class body: property name -> expressions assigned to `this.<name>` or its declared type. */
  const classMembers = new Map<Node, Map<string, Node[]>>();

  const majorCache = new Map<string, number | undefined>();
  const majorOf = (moduleName: string): number | undefined => {
    if (settings.versions && typeof settings.versions[moduleName] === 'number') return settings.versions[moduleName];
    if (!majorCache.has(moduleName)) {
      majorCache.set(moduleName, resolveMajorVersion(context.filename, moduleName, context.cwd));
    }
    return majorCache.get(moduleName);
  };

  const addBinding = (declared: Node, binding: Binding) => {
    for (const variable of sourceCode.getDeclaredVariables(declared)) bindings.set(variable as Variable, binding);
  };

  const requiredModule = (node: Node | null | undefined): string | undefined => {
    if (!node) return undefined;
    const call = unwrap(node);
    if (
      call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier &&
      call.callee.name === 'require' && call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      typeof call.arguments[0].value === 'string' && call.arguments[0].value in moduleLibraries
    ) return call.arguments[0].value;
    // require('ioredis').default, require('redis').createClient
    if (call.type === AST_NODE_TYPES.MemberExpression) {
      const inner = requiredModule(call.object);
      return inner === undefined ? undefined : `${inner}#${propertyName(call) ?? ''}`;
    }
    return undefined;
  };

  const bindRequire = (declarator: TSESTree.VariableDeclarator) => {
    const required = requiredModule(declarator.init);
    if (!required) return;
    const [moduleName, member] = required.split('#');
    const library = moduleLibraries[moduleName];
    const kinds = namedExportKinds[library];
    if (declarator.id.type === AST_NODE_TYPES.Identifier) {
      const kind = member === undefined ? (library === 'node-redis' ? 'namespace' : 'class') : kinds[member];
      if (kind) addBinding(declarator, { library, moduleName, kind });
    } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && member === undefined) {
      for (const prop of declarator.id.properties) {
        if (prop.type !== AST_NODE_TYPES.Property || prop.key.type !== AST_NODE_TYPES.Identifier) continue;
        const kind = kinds[prop.key.name];
        const value = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
        if (kind && value.type === AST_NODE_TYPES.Identifier) {
          const variable = ASTUtils.findVariable(sourceCode.getScope(declarator), value.name);
          if (variable) bindings.set(variable as Variable, { library, moduleName, kind });
        }
      }
    }
  };

  const recordClassAssignment = (member: TSESTree.MemberExpression, value: Node) => {
    if (member.object.type !== AST_NODE_TYPES.ThisExpression) return;
    const name = propertyName(member);
    const body = enclosingClassBody(member);
    if (name && body) addClassMember(body, name, [value]);
  };

  /** What a class member holds: the values assigned to it and its declared type, in source order. */
  const addClassMember = (body: Node, name: string, values: (Node | null | undefined)[]) => {
    let members = classMembers.get(body);
    if (!members) classMembers.set(body, (members = new Map()));
    const list = members.get(name) ?? [];
    for (const value of values) if (value) list.push(value);
    members.set(name, list);
  };

  // One walk over the file collects everything the questions below need.
  const visitorKeys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  // A file whose text never says `redis` or `valkey` cannot import a client module, and without
  // clientNames or a type checker nothing else vouches for a client: it has no Redis calls, so skip
  // the walk. Most files of an application are such files.
  const mayHoldClients = clientNames.size > 0 || checker !== undefined || /redis|valkey/.test(sourceCode.text);
  let requiresRedisModule = false;
  const visit = (node: Node) => {
    switch (node.type) {
      case AST_NODE_TYPES.ImportDeclaration: {
        const moduleName = node.source.value;
        const library = moduleLibraries[moduleName];
        if (library) {
          for (const spec of node.specifiers) {
            let kind: BindingKind | undefined;
            if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) kind = namedExportKinds[library].default;
            else if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) kind = 'namespace';
            else {
              const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
              kind = namedExportKinds[library][imported];
            }
            if (kind) addBinding(spec, { library, moduleName, kind });
          }
        }
        break;
      }
      case AST_NODE_TYPES.VariableDeclarator:
        if (node.init) bindRequire(node);
        break;
      case AST_NODE_TYPES.TSImportEqualsDeclaration: {
        // import Redis = require('ioredis');
        const reference = node.moduleReference;
        if (reference.type === AST_NODE_TYPES.TSExternalModuleReference && reference.expression.type === AST_NODE_TYPES.Literal) {
          const moduleName = String(reference.expression.value);
          const library = moduleLibraries[moduleName];
          if (library) addBinding(node, { library, moduleName, kind: library === 'node-redis' ? 'namespace' : 'class' });
        }
        break;
      }
      case AST_NODE_TYPES.CallExpression:
        callNodes.push(node);
        // require('redis').createClient() binds no name, yet is evidence of a client.
        if (!requiresRedisModule && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') {
          requiresRedisModule = requiredModule(node) !== undefined;
        }
        break;
      case AST_NODE_TYPES.NewExpression:
        newNodes.push(node);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        if (node.left.type === AST_NODE_TYPES.MemberExpression) recordClassAssignment(node.left, node.right);
        break;
      case AST_NODE_TYPES.PropertyDefinition:
        if (!node.computed && node.key.type === AST_NODE_TYPES.Identifier && node.parent) {
          addClassMember(node.parent, node.key.name, [node.value, node.typeAnnotation]);
        }
        break;
      case AST_NODE_TYPES.TSParameterProperty:
        if (node.parameter.type === AST_NODE_TYPES.Identifier && node.parameter.typeAnnotation) {
          const body = enclosingClassBody(node);
          if (body) addClassMember(body, node.parameter.name, [node.parameter.typeAnnotation]);
        }
        break;
      default:
        break;
    }
  };
  // ESLint has already walked the file once and keeps the steps (ESLint 9+): reading them is cheaper
  // than a second walk. ESLint 8 has no steps, so there the model walks the AST itself.
  const steps = mayHoldClients ? traversalSteps(sourceCode) : undefined;
  if (steps) {
    for (const step of steps) if (step.kind === 1 && step.phase === 1) visit(step.target as Node);
  } else if (mayHoldClients) {
    const stack: Node[] = [sourceCode.ast as unknown as Node];
    while (stack.length > 0) {
      const node = stack.pop()!;
      visit(node);
      const keys = visitorKeys[node.type];
      if (!keys) continue;
      for (let i = keys.length - 1; i >= 0; i--) {
        const child = (node as unknown as Record<string, unknown>)[keys[i]];
        if (Array.isArray(child)) {
          for (let j = child.length - 1; j >= 0; j--) if (child[j]) stack.push(child[j] as Node);
        } else if (child && typeof (child as Node).type === 'string') {
          stack.push(child as Node);
        }
      }
    }
  }

  const hasEvidence = bindings.size > 0 || requiresRedisModule || clientNames.size > 0 || checker !== undefined;

  const bindingOf = (node: Node): Binding | undefined => {
    if (node.type !== AST_NODE_TYPES.Identifier) {
      // require('redis').createClient(), new (require('ioredis'))()
      const required = requiredModule(node);
      if (!required || required.includes('#')) return undefined;
      const library = moduleLibraries[required];
      return { library, moduleName: required, kind: library === 'node-redis' ? 'namespace' : 'class' };
    }
    const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.name);
    return variable ? bindings.get(variable as Variable) : undefined;
  };

  const info = (binding: Binding, kind: ClientInfo['kind']): ClientInfo => ({
    library: binding.library,
    major: clientMajor(binding.moduleName, majorOf(binding.moduleName)),
    kind,
    moduleName: binding.moduleName,
  });

  /** A type annotation that names a client type of an imported Redis module. */
  const clientOfType = (typeNode: Node | undefined): ClientInfo | undefined => {
    if (!typeNode) return undefined;
    const type = typeNode.type === AST_NODE_TYPES.TSTypeAnnotation ? typeNode.typeAnnotation : typeNode;
    switch (type.type) {
      case AST_NODE_TYPES.TSUnionType:
        for (const member of type.types) {
          const found = clientOfType(member);
          if (found) return found;
        }
        return undefined;
      case AST_NODE_TYPES.TSTypeReference: {
        const name = type.typeName;
        if (name.type === AST_NODE_TYPES.Identifier) {
          if (name.name === 'ReturnType' && type.typeArguments?.params[0]?.type === AST_NODE_TYPES.TSTypeQuery) {
            const query = type.typeArguments.params[0].exprName;
            const binding = query.type === AST_NODE_TYPES.Identifier ? bindingOf(query) : undefined;
            if (binding?.kind === 'factory') return info(binding, 'client');
            if (binding?.kind === 'cluster-factory') return info(binding, 'cluster');
            return undefined;
          }
          if (name.name === 'InstanceType' && type.typeArguments?.params[0]?.type === AST_NODE_TYPES.TSTypeQuery) {
            const query = type.typeArguments.params[0].exprName;
            const binding = query.type === AST_NODE_TYPES.Identifier ? bindingOf(query) : undefined;
            if (binding?.kind === 'class') return info(binding, 'client');
            if (binding?.kind === 'cluster-class') return info(binding, 'cluster');
            return undefined;
          }
          const binding = bindingOf(name);
          if (!binding) return undefined;
          if (binding.kind === 'class' || binding.kind === 'client-type') return info(binding, 'client');
          if (binding.kind === 'cluster-class' || binding.kind === 'cluster-type') return info(binding, 'cluster');
          return undefined;
        }
        if (name.type === AST_NODE_TYPES.TSQualifiedName && name.left.type === AST_NODE_TYPES.Identifier) {
          const binding = bindingOf(name.left);
          if (binding?.kind !== 'namespace' && binding?.kind !== 'class') return undefined;
          const kind = namedExportKinds[binding.library][name.right.name];
          if (kind === 'class' || kind === 'client-type') return info(binding, 'client');
          if (kind === 'cluster-class' || kind === 'cluster-type') return info(binding, 'cluster');
        }
        return undefined;
      }
      default:
        return undefined;
    }
  };

  const memo = new Map<Node, ClientInfo | null>();
  const variableMemo = new Map<Variable, ClientInfo | null>();

  const clientOfVariable = (variable: Variable): ClientInfo | undefined => {
    if (variableMemo.has(variable)) return variableMemo.get(variable) ?? undefined;
    variableMemo.set(variable, null); // cycle guard: `let a = b; b = a`
    let found: ClientInfo | undefined;
    for (const def of variable.defs) {
      const name = def.name as Node;
      if (def.type === 'Variable') {
        const declarator = def.node as TSESTree.VariableDeclarator;
        found = clientOfType((declarator.id as TSESTree.Identifier).typeAnnotation) ??
          (declarator.init && declarator.id.type === AST_NODE_TYPES.Identifier ? clientOf(declarator.init) : undefined);
      } else if (def.type === 'Parameter') {
        found = clientOfType((name as TSESTree.Identifier).typeAnnotation);
      }
      if (found) break;
    }
    if (!found) {
      for (const ref of variable.references) {
        if (ref.isWrite() && ref.writeExpr && ref.writeExpr !== (variable.defs[0]?.node as TSESTree.VariableDeclarator | undefined)?.init) {
          found = clientOf(ref.writeExpr as Node);
          if (found) break;
        }
      }
    }
    if (!found && clientNames.has(variable.name)) found = { library: undefined, major: undefined, kind: 'client' };
    variableMemo.set(variable, found ?? null);
    return found;
  };

  const clientOfThisMember = (member: TSESTree.MemberExpression): ClientInfo | undefined => {
    const name = propertyName(member);
    const body = enclosingClassBody(member);
    if (!name || !body) return undefined;
    for (const value of classMembers.get(body)?.get(name) ?? []) {
      const found = value.type === AST_NODE_TYPES.TSTypeAnnotation ? clientOfType(value) : clientOf(value);
      if (found) return found;
    }
    return undefined;
  };

  const clientOfByTypes = (node: Node): ClientInfo | undefined => {
    if (!checker || !services?.esTreeNodeToTSNodeMap) return undefined;
    const tsNode = services.esTreeNodeToTSNodeMap.get(node);
    if (!tsNode) return undefined;
    let type: import('typescript').Type;
    try {
      type = checker.getTypeAtLocation(tsNode);
    } catch {
      return undefined;
    }
    const types = type.isUnion() ? type.types : [type];
    for (const candidate of types) {
      const symbol = candidate.getSymbol() ?? candidate.aliasSymbol;
      for (const declaration of symbol?.getDeclarations() ?? []) {
        const file = declaration.getSourceFile().fileName.replace(/\\/g, '/');
        const match = /\/node_modules\/(ioredis|iovalkey|@redis\/client|redis)\//.exec(file);
        if (!match) continue;
        const moduleName = match[1];
        const library = moduleLibraries[moduleName];
        const typeName = symbol!.getName();
        let kind: ClientInfo['kind'] | undefined;
        if (/^(Redis|Valkey|RedisClient|RedisClientType|Commander|RedisClusterType|RedisCluster|Cluster)$/.test(typeName)) {
          kind = /Cluster/.test(typeName) ? 'cluster' : 'client';
        } else if (/^(ChainableCommander|Pipeline)$/.test(typeName)) kind = 'pipeline';
        else if (/^(RedisClientMultiCommand|RedisClientMultiCommandType|Multi)$/.test(typeName)) kind = 'multi';
        if (!kind) continue;
        return { library, major: majorOf(moduleName === '@redis/client' ? 'redis' : moduleName) ?? clientMajor(moduleName, majorOf(moduleName)), kind, moduleName };
      }
    }
    return undefined;
  };

  function clientOf(input: Node): ClientInfo | undefined {
    if (!hasEvidence) return undefined;
    if (memo.has(input)) return memo.get(input) ?? undefined;
    memo.set(input, null);
    const found = clientOfUncached(input) ?? clientOfByTypes(input);
    memo.set(input, found ?? null);
    return found;
  }

  function clientOfUncached(input: Node): ClientInfo | undefined {
    const node = unwrap(input);
    if (node !== input && (input.type === AST_NODE_TYPES.TSAsExpression || input.type === AST_NODE_TYPES.TSTypeAssertion)) {
      const asType = clientOfType((input as TSESTree.TSAsExpression).typeAnnotation);
      if (asType) return asType;
    }
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.name);
        if (!variable) return clientNames.has(node.name) ? { library: undefined, major: undefined, kind: 'client' } : undefined;
        if (bindings.has(variable as Variable)) return undefined; // the module or class itself
        return clientOfVariable(variable as Variable);
      }
      case AST_NODE_TYPES.MemberExpression: {
        if (node.object.type === AST_NODE_TYPES.ThisExpression) {
          const found = clientOfThisMember(node);
          if (found) return found;
        }
        const name = propertyName(node);
        if (name && clientNames.has(name)) return { library: undefined, major: undefined, kind: 'client' };
        return undefined;
      }
      case AST_NODE_TYPES.NewExpression:
        return constructed(node);
      case AST_NODE_TYPES.CallExpression: {
        const direct = constructed(node);
        if (direct) return direct;
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier) return clientReturnedBy(callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const method = propertyName(callee);
        if (!method) return undefined;
        const receiver = clientOf(callee.object);
        if (!receiver) return undefined;
        if (receiver.kind === 'pipeline' || receiver.kind === 'multi') {
          // Chained commands return the batch: redis.pipeline().set(...).get(...)
          if (commandForMethod(method) || method === 'call' || method === 'addCommand') return receiver;
          return undefined;
        }
        if (method === 'connect' && receiver.library === 'node-redis' && (receiver.major ?? 4) >= 4) return receiver;
        if (listenerMethods.has(method) && (receiver.kind === 'client' || receiver.kind === 'cluster')) return receiver;
        if (method === 'pipeline' && receiver.library !== 'node-redis') {
          return { ...receiver, kind: 'pipeline', batch: { kind: 'pipeline', node } };
        }
        if (method === 'multi' || method === 'MULTI') {
          return { ...receiver, kind: 'multi', batch: { kind: 'multi', node } };
        }
        return undefined;
      }
      case AST_NODE_TYPES.AwaitExpression:
        return clientOf(node.argument);
      case AST_NODE_TYPES.LogicalExpression:
        return clientOf(node.right) ?? clientOf(node.left);
      case AST_NODE_TYPES.ConditionalExpression:
        return clientOf(node.consequent) ?? clientOf(node.alternate);
      default:
        return undefined;
    }
  }

  /**
   * The client a function of this file hands out: `getRedis()` declared to return `Redis`, or whose
   * `return` gives a client (the lazy singleton `if (!client) client = new Redis(); return client;`).
   */
  function clientReturnedBy(callee: TSESTree.Identifier): ClientInfo | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee.name);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    let fn: Node | undefined;
    if (def?.type === 'FunctionName') fn = def.node as Node;
    else if (def?.type === 'Variable' && (def.parent as TSESTree.VariableDeclaration | undefined)?.kind === 'const') {
      const init = (def.node as TSESTree.VariableDeclarator).init;
      if (init && functionTypes.has(init.type)) fn = init;
    }
    if (!fn) return undefined;
    const func = fn as TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
    let returnType: Node | undefined = func.returnType?.typeAnnotation;
    // `async function getClient(): Promise<Redis>`: the awaited call is the client.
    if (
      returnType?.type === AST_NODE_TYPES.TSTypeReference && returnType.typeName.type === AST_NODE_TYPES.Identifier &&
      returnType.typeName.name === 'Promise' && returnType.typeArguments?.params.length === 1
    ) returnType = returnType.typeArguments.params[0];
    if (returnType) return clientOfType(returnType);
    if (func.body.type !== AST_NODE_TYPES.BlockStatement) return clientOf(func.body);
    let found: ClientInfo | undefined;
    walkSameFunction(func.body, sourceCode.visitorKeys, (node) => {
      if (!found && node.type === AST_NODE_TYPES.ReturnStatement && node.argument) found = clientOf(node.argument);
    });
    return found;
  }

  /** The client a `new`/factory/`duplicate()` expression builds, if it builds one. */
  function constructed(node: TSESTree.NewExpression | TSESTree.CallExpression): ClientInfo | undefined {
    const client = constructedKind(node);
    return client ? { ...client, origin: node } : undefined;
  }

  function constructedKind(node: TSESTree.NewExpression | TSESTree.CallExpression): ClientInfo | undefined {
    const callee = unwrap(node.callee);
    if (node.type === AST_NODE_TYPES.NewExpression) {
      const binding = bindingOf(callee);
      if (binding?.kind === 'class') return info(binding, 'client');
      if (binding?.kind === 'cluster-class') return info(binding, 'cluster');
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const owner = bindingOf(callee.object);
        const name = propertyName(callee);
        if (owner && name && (owner.kind === 'namespace' || owner.kind === 'class')) {
          const kind = namedExportKinds[owner.library][name];
          if (kind === 'class') return info(owner, 'client');
          if (kind === 'cluster-class') return info(owner, 'cluster');
        }
      }
      return undefined;
    }
    const binding = bindingOf(callee);
    if (binding?.kind === 'factory') return info(binding, 'client');
    if (binding?.kind === 'cluster-factory') return info(binding, 'cluster');
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(callee);
      const owner = bindingOf(callee.object);
      if (owner?.kind === 'namespace' && owner.library === 'node-redis') {
        if (name === 'createClient') return info(owner, 'client');
        if (name === 'createCluster') return info(owner, 'cluster');
      }
      if (name === 'duplicate') {
        const receiver = clientOf(callee.object);
        if (receiver && (receiver.kind === 'client' || receiver.kind === 'cluster')) return { ...receiver, batch: undefined };
      }
    }
    return undefined;
  }

  const calls: RedisCall[] = [];
  const constructions: ClientConstruction[] = [];

  if (hasEvidence) {
    for (const node of newNodes) {
      const client = constructed(node);
      if (client) constructions.push({ node, client, fn: enclosingFunction(node) });
    }
    for (const node of callNodes) {
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) {
        const definer = bindingOf(callee);
        if (definer?.kind === 'script-definer') {
          collectDefinedScript(node, info(definer, 'client'));
          continue;
        }
        const client = constructed(node);
        if (client) constructions.push({ node, client, fn: enclosingFunction(node) });
        continue;
      }
      const method = propertyName(callee);
      if (!method) continue;
      if (method === 'duplicate' || method === 'createClient' || method === 'createCluster') {
        const client = constructed(node);
        if (client) constructions.push({ node, client, fn: enclosingFunction(node) });
        continue;
      }
      const special = method === 'call' || method === 'callBuffer' || method === 'sendCommand' || method === 'send_command' ||
        method === 'multi' || method === 'pipeline' || scriptMethods.has(method);
      const spec = special ? undefined : commandForMethod(method);
      if (!special && !spec) continue;
      const client = clientOf(callee.object);
      if (!client) continue;
      collectCalls(node, callee, method, spec, client);
    }
  }

  function pushCall(partial: Omit<RedisCall, 'awaited' | 'loop' | 'fn' | 'keyNode' | 'keyNodes' | 'optional'> & { keyNode?: Node }) {
    const keyNodes = partial.via === 'lua' ? [] : keyArguments(partial.spec, partial.args);
    const keyNode = partial.keyNode ?? keyNodes[0];
    calls.push({
      ...partial,
      keyNode: keyNode && keyNode.type !== AST_NODE_TYPES.SpreadElement ? keyNode : undefined,
      keyNodes,
      optional: isOptionalCall(partial.node),
      awaited: isAwaited(partial.node),
      loop: enclosingLoop(partial.node),
      fn: enclosingFunction(partial.node),
    });
  }

  /**
   * Every key a command names, as written: the first key, and for commands over several keys
   * (DEL k1 k2, BRPOP q1 q2 0, LMPOP 2 q1 q2 LEFT, MSET k1 v1 k2 v2) the others. An array in the
   * key's place is node-redis's (and ioredis's flattened) way to pass several: its elements are the keys.
   */
  function keyArguments(spec: CommandSpec, args: Node[]): Node[] {
    if (spec.firstKey < 0) return [];
    const plain = (list: Node[]) => list.filter((n) => n.type !== AST_NODE_TYPES.SpreadElement);
    const arrayAt = (index: number) => {
      const arg = args[index];
      return arg?.type === AST_NODE_TYPES.ArrayExpression ? plain(arg.elements.filter(Boolean) as Node[]) : undefined;
    };
    switch (spec.keys) {
      case 'one': {
        const first = args[spec.firstKey];
        if (!first) return [];
        return arrayAt(spec.firstKey)?.slice(0, 1) ?? plain([first]);
      }
      case 'rest':
        return arrayAt(spec.firstKey) ?? plain(args.slice(spec.firstKey));
      case 'all-but-last':
        return arrayAt(spec.firstKey) ?? plain(args.slice(spec.firstKey, -1));
      case 'pairs': {
        if (args[0]?.type === AST_NODE_TYPES.ArrayExpression || args[0]?.type === AST_NODE_TYPES.ObjectExpression) return [];
        return plain(args.filter((_, i) => i % 2 === 0));
      }
      case 'numkeys': {
        const count = args[spec.firstKey - 1];
        if (count?.type === AST_NODE_TYPES.Literal && typeof count.value === 'number') {
          return plain(args.slice(spec.firstKey, spec.firstKey + count.value));
        }
        // node-redis: lmPop(keys, side), blmPop(timeout, keys, side)
        for (let i = 0; i < args.length; i++) if (arrayAt(i)) return arrayAt(i)!;
        return [];
      }
    }
  }

  function collectCalls(
    node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string,
    spec: CommandSpec | undefined, client: ClientInfo,
  ) {
    const batch: BatchInfo | undefined = client.batch;
    // node-redis 4: client.blPop(commandOptions({ isolated: true }), key, 0): options, not a key.
    const args = client.library === 'node-redis' && isCommandOptions(node.arguments[0]) ? node.arguments.slice(1) as Node[] : node.arguments as Node[];
    const base = { client, node, receiver: callee.object as Node, method, batch };
    const stringAt = (arg: Node | undefined) =>
      arg && arg.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' ? arg.value : undefined;

    if (method === 'call' || method === 'callBuffer' || method === 'send_command') {
      const name = stringAt(args[0]);
      if (!name) return;
      const rest = method === 'send_command' && args[1]?.type === AST_NODE_TYPES.ArrayExpression
        ? (args[1].elements.filter(Boolean) as Node[]) : args.slice(1);
      const named = commandForName(name)!;
      pushCall({ ...base, command: named.name, spec: named, args: rest, via: 'call' });
      if (named.traits.includes('runs-script')) collectLua(node, rest[0], base);
      return;
    }
    if (method === 'sendCommand') {
      const array = args[0];
      if (array?.type !== AST_NODE_TYPES.ArrayExpression) return;
      const name = stringAt(array.elements[0] ?? undefined);
      if (!name) return;
      const named = commandForName(name)!;
      const rest = array.elements.slice(1).filter(Boolean) as Node[];
      pushCall({ ...base, command: named.name, spec: named, args: rest, via: 'sendCommand' });
      if (named.traits.includes('runs-script')) collectLua(node, rest[0], base);
      return;
    }
    if ((method === 'multi' || method === 'pipeline') && args[0]?.type === AST_NODE_TYPES.ArrayExpression) {
      // ioredis: redis.multi([['set', 'k', 'v'], ['keys', '*']])
      for (const element of args[0].elements) {
        if (element?.type !== AST_NODE_TYPES.ArrayExpression) continue;
        const name = stringAt(element.elements[0] ?? undefined);
        if (!name) continue;
        const named = commandForName(name)!;
        const rest = element.elements.slice(1).filter(Boolean) as Node[];
        const batch: BatchInfo = { kind: method as BatchInfo['kind'], node };
        pushCall({ ...base, node: element, command: named.name, spec: named, args: rest, via: 'batch-array', batch });
        if (named.traits.includes('runs-script')) collectLua(node, rest[0], { ...base, batch });
      }
      return;
    }
    if (method === 'multi' || method === 'pipeline') return;
    if (scriptMethods.has(method)) {
      if (method === 'defineCommand') {
        const options = args[1];
        if (options?.type === AST_NODE_TYPES.ObjectExpression) {
          for (const prop of options.properties) {
            if (prop.type === AST_NODE_TYPES.Property && !prop.computed && prop.key.type === AST_NODE_TYPES.Identifier && prop.key.name === 'lua') {
              collectLua(node, prop.value as Node, base);
            }
          }
        }
        return;
      }
      if (method === 'script' || method === 'SCRIPT_LOAD' || method === 'scriptLoad') {
        if (method === 'script') {
          if (stringAt(args[0])?.toUpperCase() !== 'LOAD') return;
          collectLua(node, args[1], base);
        } else collectLua(node, args[0], base);
        return;
      }
      const evalSpec = commandForName(method.replace(/Ro$/, '_RO').toUpperCase())!;
      pushCall({ ...base, command: evalSpec.name, spec: evalSpec, args, via: 'method' });
      if (!/sha/i.test(method)) collectLua(node, args[0], base);
      return;
    }
    if (spec) pushCall({ ...base, command: spec.name, spec, args, via: 'method' });
  }

  /** node-redis `defineScript({ NUMBER_OF_KEYS, SCRIPT, transformArguments })`: the Lua a client method will run. */
  function collectDefinedScript(node: TSESTree.CallExpression, client: ClientInfo) {
    const options = node.arguments[0];
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return;
    for (const prop of options.properties) {
      if (prop.type === AST_NODE_TYPES.Property && !prop.computed && prop.key.type === AST_NODE_TYPES.Identifier && prop.key.name === 'SCRIPT') {
        collectLua(node, prop.value as Node, { client, receiver: undefined, method: 'defineScript', batch: undefined });
      }
    }
  }

  function collectLua(node: TSESTree.CallExpression, scriptNode: Node | undefined, base: Pick<RedisCall, 'client' | 'receiver' | 'method' | 'batch'>) {
    if (!scriptNode) return;
    const source = luaSourceOf(scriptNode, sourceCode);
    if (!source) return;
    for (const found of luaCommands(source)) {
      const spec = commandForName(found.command)!;
      pushCall({
        ...base, node, command: spec.name, spec, args: [], via: 'lua',
        luaRange: found.range, keyNode: undefined,
      });
    }
  }

  const dialectOf = (client: ClientInfo): Dialect | undefined => {
    if (client.library === 'ioredis' || client.library === 'iovalkey') return 'ioredis';
    if (client.library === 'node-redis' && client.major !== undefined) {
      if (client.major <= 3) return 'node-redis-3';
      if (client.major === 4) return 'node-redis-4';
      return 'node-redis-5';
    }
    return undefined;
  };

  // Source order, which for a chain (`redis.pipeline().incr(k).expire(k, 60)`) is execution order:
  // the inner call starts where the outer one does and ends first.
  const position = (call: RedisCall): [number, number] => call.luaRange ?? [call.node.range[0], call.node.range[1]];
  calls.sort((a, b) => position(a)[0] - position(b)[0] || position(a)[1] - position(b)[1]);
  constructions.sort((a, b) => a.node.range[0] - b.node.range[0]);

  return { calls, constructions, clientOf: (node) => clientOf(node), dialectOf };
}

/**
 * The node-redis major a module's version stands for: `@redis/client` 1.x is the client inside
 * `redis` 4 (its API: scanIterator yielding keys), and from 5 on the two packages share a major.
 */
function clientMajor(moduleName: string, major: number | undefined): number | undefined {
  if (moduleName === '@redis/client' && major !== undefined && major < 4) return 4;
  return major;
}

interface TraversalStep {
  kind: number;
  phase?: number;
  target: unknown;
}

/** The steps of ESLint's own traversal of the file (1 = visit a node, phase 1 = entering it), when it keeps them. */
function traversalSteps(sourceCode: Readonly<TSESLint.SourceCode>): readonly TraversalStep[] | undefined {
  const traverse = (sourceCode as unknown as { traverse?: () => readonly TraversalStep[] }).traverse;
  if (typeof traverse !== 'function') return undefined;
  try {
    return traverse.call(sourceCode);
  } catch {
    return undefined;
  }
}

function isOptionalCall(node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = node.callee;
  return node.optional || (callee.type === AST_NODE_TYPES.MemberExpression && callee.optional) || node.parent?.type === AST_NODE_TYPES.ChainExpression;
}

function isCommandOptions(node: Node | undefined): boolean {
  if (node?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'commandOptions';
  return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'commandOptions';
}

function enclosingClassBody(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === AST_NODE_TYPES.ClassBody) return p;
  return undefined;
}
