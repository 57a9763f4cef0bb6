import { AST_NODE_TYPES as nodeTypes } from '@typescript-eslint/types';

/**
 * typescript-eslint's node type enum, as a plain value of this module. Its packages re-export it
 * through getters, so every `AST_NODE_TYPES.X` in compiled code called a function:
 * in the model's walk, one per `case` per AST node (0.4 % of a whole lint run). Same enum, same types.
 */
export const AST_NODE_TYPES = nodeTypes;
/** The enum's type, under the same name, as the import gave it. */
export type AST_NODE_TYPES = nodeTypes;
