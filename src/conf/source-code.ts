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
 * parents are indexed on first use, and `# eslint-disable...` comments work as in JavaScript.
 */
export class ConfSourceCode extends TextSourceCodeBase {
  declare ast: Document;
  readonly comments: Comment[];
  /** The file on disk, so `include` can be resolved relative to it. */
  readonly physicalPath: string;
  readonly languageOptions: ConfLanguageOptions;
  #steps: VisitNodeStep[] | undefined;
  #parents: Map<ConfNode, ConfNode> | undefined;
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
    // Built on first use: rules rarely ask, and a 100,000-line config has ~400,000 nodes.
    if (!this.#parents) {
      const parents = (this.#parents = new Map());
      for (const directive of this.ast.body) {
        parents.set(directive, this.ast);
        for (const word of directive.words) parents.set(word, directive);
      }
    }
    return this.#parents.get(node);
  }

  /**
   * The steps as an array (ESLint walks an array by index, an iterator step by step). The enter and
   * exit steps of a node share one arguments array.
   */
  override traverse(): Iterable<VisitNodeStep> {
    if (this.#steps) return this.#steps;
    const steps: VisitNodeStep[] = (this.#steps = []);
    const visit = (node: ConfNode, parent: ConfNode | undefined) => {
      const args = [node, parent];
      steps.push(new VisitNodeStep({ target: node, phase: 1, args }));
      for (const key of visitorKeys[node.type] ?? []) {
        for (const child of (node as unknown as Record<string, ConfNode[]>)[key] ?? []) visit(child, node);
      }
      steps.push(new VisitNodeStep({ target: node, phase: 2, args }));
    };
    visit(this.ast, undefined);
    return steps;
  }
}
