// JSON Pointers both ways: a path as "#/a/b" for reports, and "#/..." refs followed inside a root.
import type { JsonPath } from '../../types';
import { isObject, type SchemaNode } from '../shape';

export function toPointer(path: JsonPath): string {
  return `#${path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}

export function pointerIn(file: string, root: unknown, pointer: string): SchemaNode | undefined {
  if (root === undefined) return undefined;
  const path: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      node = node[Number(segment)];
      path.push(Number(segment));
    } else if (isObject(node) && Object.hasOwn(node, segment)) {
      node = node[segment];
      path.push(segment);
    } else return undefined;
  }
  return { file, path, node };
}
