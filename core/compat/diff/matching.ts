// Pairing the branches of two combined schemas: each old branch with a distinct new one.
import { Ctx } from './context';

function weight(edge: object): number {
  return 'sub' in edge && edge.sub instanceof Ctx ? edge.sub.changes.length : 0;
}

/** Maximum bipartite matching (Kuhn): old branch i -> the edge that pairs it. */
export function maxMatching<E extends { i: number; j: number }>(left: number, right: number, edges: E[]): Map<number, E> {
  const adjacency: E[][] = Array.from({ length: left }, () => []);
  for (const e of edges) adjacency[e.i].push(e);
  // Prefer the closest pairs (fewest changes), so identical branches pair with each other.
  for (const list of adjacency) list.sort((a, b) => weight(a) - weight(b));
  const matchRight = new Array<E | undefined>(right).fill(undefined);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const e of adjacency[i]) {
      if (seen[e.j]) continue;
      seen[e.j] = true;
      const current = matchRight[e.j];
      if (!current || tryAssign(current.i, seen)) {
        matchRight[e.j] = e;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < left; i++) tryAssign(i, new Array<boolean>(right).fill(false));
  const out = new Map<number, E>();
  for (const e of matchRight) if (e) out.set(e.i, e);
  return out;
}
