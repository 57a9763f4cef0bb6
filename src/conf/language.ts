import type { Document } from './ast';
import { visitorKeys } from './ast';
import { validateConfLanguageOptions, type ConfLanguageOptions } from './language-options';
import { parseConf } from './parse';
import { ConfSourceCode } from './source-code';

interface File {
  path: string;
  physicalPath: string;
  bom: boolean;
  body: string | Uint8Array;
}

/**
 * The redis/conf language: redis.conf read the way redis-server reads it. `parse` never fails:
 * lines redis-server would refuse become nodes that conf-valid-directive reports, so one bad line
 * never hides the findings on the others.
 */
export const redisConfLanguage = {
  fileType: 'text' as const,
  lineStart: 1 as const,
  columnStart: 1 as const,
  nodeTypeKey: 'type',
  visitorKeys,
  defaultLanguageOptions: {} as ConfLanguageOptions,
  validateLanguageOptions(options: ConfLanguageOptions): void {
    validateConfLanguageOptions(options ?? {});
  },
  parse(file: File): { ok: true; ast: Document } {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return { ok: true, ast: parseConf(text, { bom: file.bom }) };
  },
  createSourceCode(file: File, parseResult: { ast: Document }, context?: { languageOptions?: ConfLanguageOptions }): ConfSourceCode {
    return new ConfSourceCode({
      text: typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body),
      ast: parseResult.ast,
      physicalPath: file.physicalPath ?? file.path,
      languageOptions: context?.languageOptions ?? {},
    });
  },
};
