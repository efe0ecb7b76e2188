/**
 * Strongly connected components of a directed graph on vertices 0…n-1, by Tarjan's algorithm
 * with an explicit stack (a long chain must not overflow the call stack). Returns each
 * vertex's component number; components are numbered in reverse topological order.
 */
export function stronglyConnectedComponents(out: ReadonlyArray<readonly number[]>): Int32Array {
  const n = out.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  // The DFS path as (vertex, next edge to look at) pairs.
  const pathVertex: number[] = [];
  const pathEdge: number[] = [];
  let visited = 0;
  let components = 0;

  const enter = (vertex: number) => {
    order[vertex] = visited;
    low[vertex] = visited;
    visited += 1;
    stack.push(vertex);
    onStack[vertex] = 1;
    pathVertex.push(vertex);
    pathEdge.push(0);
  };

  for (let root = 0; root < n; root++) {
    if ((order[root] as number) !== -1) continue;
    enter(root);
    while (pathVertex.length > 0) {
      const top = pathVertex.length - 1;
      const vertex = pathVertex[top] as number;
      const edges = out[vertex] ?? [];
      const next = pathEdge[top] as number;
      if (next < edges.length) {
        pathEdge[top] = next + 1;
        const neighbor = edges[next] as number;
        if ((order[neighbor] as number) === -1) enter(neighbor);
        else if (onStack[neighbor]) {
          low[vertex] = Math.min(low[vertex] as number, order[neighbor] as number);
        }
        continue;
      }
      pathVertex.pop();
      pathEdge.pop();
      if (low[vertex] === order[vertex]) {
        let member: number;
        do {
          member = stack.pop() as number;
          onStack[member] = 0;
          component[member] = components;
        } while (member !== vertex);
        components += 1;
      }
      const parent = pathVertex.at(-1);
      if (parent !== undefined)
        low[parent] = Math.min(low[parent] as number, low[vertex] as number);
    }
  }
  return component;
}
