import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { getRedisModel } from '../../src/model';

export interface ProbedCall {
  command: string;
  library: string | undefined;
  major: number | undefined;
  kind: string;
  via: string;
  batch: string | undefined;
  key: string | undefined;
  line: number;
}

/** Lints code with a rule that only asks the Redis model, and returns what the model found. */
export function probe(
  code: string,
  filename: string,
  options: { settings?: Record<string, unknown>; parserOptions?: Record<string, unknown> } = {},
): { calls: ProbedCall[]; constructions: string[] } {
  const found: { calls: ProbedCall[]; constructions: string[] } = { calls: [], constructions: [] };
  const probeRule = {
    meta: { type: 'problem' as const, schema: [], messages: {} },
    create(context: Parameters<typeof getRedisModel>[0]) {
      return {
        'Program:exit'() {
          const model = getRedisModel(context);
          for (const call of model.calls) {
            found.calls.push({
              command: call.command,
              library: call.client.library,
              major: call.client.major,
              kind: call.client.kind,
              via: call.via,
              batch: call.batch?.kind,
              key: call.keyNode ? context.sourceCode.getText(call.keyNode) : undefined,
              line: call.node.loc.start.line,
            });
          }
          for (const c of model.constructions) {
            found.constructions.push(`${c.client.library}@${c.client.major}:${c.client.kind}:${context.sourceCode.getText(c.node)}`);
          }
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
        plugins: { probe: { rules: { model: probeRule as never } } },
        languageOptions: { parser: tsParser, parserOptions: options.parserOptions ?? {}, ecmaVersion: 'latest', sourceType: 'module' },
        settings: options.settings ?? {},
        rules: { 'probe/model': 'error' },
      },
    ],
    { filename },
  );
  const fatal = messages[0];
  if (fatal) throw new Error(fatal.message);
  return found;
}
