// The redis/conf language and its rules are built in src/conf (tokenizer, AST, SourceCode, effective config).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const languages: Record<string, any> = {};
