// YAML schema files through the yaml package's document model, whose nodes keep source ranges.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { JsonPath } from '../types';
import type { ParsedDocument, Span } from './document';

export function parseYamlDocument(text: string): ParsedDocument {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  const syntaxErrors = doc.errors.map((e) => ({
    offset: e.pos[0],
    length: Math.max(1, e.pos[1] - e.pos[0]),
    message: `YAML syntax error: ${e.message.split('\n')[0]}`,
  }));
  let value: unknown;
  if (syntaxErrors.length === 0) {
    try {
      // maxAliasCount guards against alias bombs ("billion laughs").
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      syntaxErrors.push({ offset: 0, length: 1, message: `YAML error: ${(error as Error).message}` });
    }
  }
  return { value, syntaxErrors, locate: (path, target) => locate(doc.contents, path, target) };
}

function locate(root: Node | null, path: JsonPath, target: 'key' | 'value' = 'value'): Span {
  if (!root) return { offset: 0, length: 1 };
  let node: Node = root;
  let viaPair: Pair | undefined;
  for (const segment of path) {
    let next: { node: Node; pair?: Pair } | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair && pair.value) next = { node: pair.value as Node, pair };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item) next = { node: item as Node };
    }
    if (!next) return viaPair ? spanOf(viaPair.key as Node) : spanOfStart(node);
    node = next.node;
    viaPair = next.pair;
  }
  if (target === 'key' && viaPair) return spanOf(viaPair.key as Node);
  return spanOf(node);
}

function spanOf(node: Node): Span {
  const [start, valueEnd] = node.range ?? [0, 1];
  return { offset: start, length: Math.max(1, valueEnd - start) };
}

function spanOfStart(node: Node): Span {
  const [start] = node.range ?? [0];
  return { offset: start, length: 1 };
}
