// The redis/conf language: tokenizer, AST, SourceCode, effective config and directive tables live in src/conf.
import { redisConfLanguage } from './language';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const languages: Record<string, any> = { conf: redisConfLanguage };
