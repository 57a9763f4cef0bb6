import { ConfigCommentParser, Directive as DisableDirective, TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import type { Comment, ConfNode, Document } from './ast';
import { visitorKeys } from './ast';
import type { ConfLanguageOptions } from './language-options';

const commentParser = new ConfigCommentParser();
const INLINE_CONFIG = /^\s*(?:eslint(?:-enable|-disable(?:(?:-next)?-line)?)?)(?:\s|$)/u;

interface Problem {
  ruleId: null;
  message: string;
  loc: Comment['loc'];
}

/**
 * The SourceCode of a redis.conf file. Traversal steps are computed once (the AST never changes),
 * parents live in a WeakMap, and `# eslint-disable...` comments work as in JavaScript.
 */
export class ConfSourceCode extends TextSourceCodeBase {
  declare ast: Document;
  readonly comments: Comment[];
  /** The file on disk, so `include` can be resolved relative to it. */
  readonly physicalPath: string;
  readonly languageOptions: ConfLanguageOptions;
  #steps: VisitNodeStep[] | undefined;
  #parents = new WeakMap<ConfNode, ConfNode>();
  #inlineConfigComments: Comment[] | undefined;

  constructor({ text, ast, physicalPath, languageOptions }: { text: string; ast: Document; physicalPath: string; languageOptions: ConfLanguageOptions }) {
    super({ text, ast });
    this.ast = ast;
    this.comments = ast.comments;
    this.physicalPath = physicalPath;
    this.languageOptions = languageOptions;
  }

  getInlineConfigNodes(): Comment[] {
    this.#inlineConfigComments ??= this.comments.filter((c) => INLINE_CONFIG.test(c.value));
    return this.#inlineConfigComments;
  }

  getDisableDirectives(): { problems: Problem[]; directives: DisableDirective[] } {
    const directives: DisableDirective[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed) continue;
      const { label, value, justification } = parsed;
      if (label === 'eslint-disable' || label === 'eslint-enable' || label === 'eslint-disable-next-line' || label === 'eslint-disable-line') {
        directives.push(
          new DisableDirective({
            type: label.slice('eslint-'.length) as 'disable' | 'enable' | 'disable-next-line' | 'disable-line',
            node: comment,
            value,
            justification,
          }),
        );
      }
    }
    return { problems: [], directives };
  }

  applyInlineConfig(): { problems: Problem[]; configs: { config: { rules: Record<string, unknown> }; loc: Comment['loc'] }[] } {
    const problems: Problem[] = [];
    const configs: { config: { rules: Record<string, unknown> }; loc: Comment['loc'] }[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { problems, configs };
  }

  override getParent(node: ConfNode): ConfNode | undefined {
    return this.#parents.get(node);
  }

  override traverse(): Iterable<VisitNodeStep> {
    if (this.#steps) return this.#steps.values();
    const steps: VisitNodeStep[] = (this.#steps = []);
    const visit = (node: ConfNode, parent: ConfNode | undefined) => {
      if (parent) this.#parents.set(node, parent);
      steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, parent] }));
      for (const key of visitorKeys[node.type] ?? []) {
        for (const child of (node as unknown as Record<string, ConfNode[]>)[key] ?? []) visit(child, node);
      }
      steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, parent] }));
    };
    visit(this.ast, undefined);
    return steps;
  }
}
