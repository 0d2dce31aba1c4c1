// Finds the one operation a request is for. Paths without parameters are looked up in a Map; the
// others in a tree of path segments, where a literal segment is tried before a `{parameter}`, so
// `/cases/export` wins over `/cases/{case_id}`. Each request costs one step per segment, however many
// operations the spec has (Prism's own router tries every operation).

/** A routed request: the operation and its path parameters, still percent-encoded. */
export interface Route<T> {
  operation: T;
  rawParams: Record<string, string>;
}

interface Node<T> {
  literals: Map<string, Node<T>>;
  parameter?: { name: string; node: Node<T> };
  /** Operations ending here, by lower-case method. */
  operations: Map<string, T>;
}

const newNode = <T>(): Node<T> => ({ literals: new Map(), operations: new Map() });
const PARAMETER = /^\{([^}]+)\}$/;

/** A router over `(method, path template)` pairs. */
export class Router<T> {
  readonly #static = new Map<string, Map<string, T>>();
  readonly #root: Node<T> = newNode();

  /** Adds an operation at `template` (e.g. `/v2/cases/{case_id}`) for `method`. */
  add(method: string, template: string, operation: T): void {
    const segments = template.split('/');
    if (!segments.some((s) => PARAMETER.test(s))) {
      const methods = this.#static.get(template) ?? new Map<string, T>();
      methods.set(method.toLowerCase(), operation);
      this.#static.set(template, methods);
      return;
    }
    let node = this.#root;
    for (const segment of segments) {
      const name = PARAMETER.exec(segment)?.[1];
      if (name === undefined) {
        const next = node.literals.get(segment) ?? newNode<T>();
        node.literals.set(segment, next);
        node = next;
      } else {
        node.parameter ??= { name, node: newNode<T>() };
        node = node.parameter.node;
      }
    }
    node.operations.set(method.toLowerCase(), operation);
  }

  /** The methods served at `path` (empty if the path is unknown), e.g. to answer HEAD like GET. */
  methods(path: string): string[] {
    const found = this.#static.get(path) ?? this.#walk(path.split('/'), 0, this.#root, {})?.node.operations;
    return found ? [...found.keys()] : [];
  }

  /** The operation for `method` and `path` (percent-encoded, without query), or undefined. */
  find(method: string, path: string): Route<T> | undefined {
    const verb = method.toLowerCase();
    const fixed = this.#static.get(path)?.get(verb);
    if (fixed) return { operation: fixed, rawParams: {} };
    const found = this.#walk(path.split('/'), 0, this.#root, {}, verb);
    const operation = found?.node.operations.get(verb);
    return operation ? { operation, rawParams: found!.params } : undefined;
  }

  /** Depth-first: a literal child first, then the parameter child; an empty segment is no parameter value. */
  #walk(
    segments: string[],
    index: number,
    node: Node<T>,
    params: Record<string, string>,
    verb?: string,
  ): { node: Node<T>; params: Record<string, string> } | undefined {
    if (index === segments.length)
      return (verb === undefined ? node.operations.size > 0 : node.operations.has(verb)) ? { node, params } : undefined;
    const segment = segments[index]!;
    const literal = node.literals.get(segment);
    const viaLiteral = literal && this.#walk(segments, index + 1, literal, params, verb);
    if (viaLiteral) return viaLiteral;
    if (!node.parameter || segment === '') return undefined;
    return this.#walk(segments, index + 1, node.parameter.node, { ...params, [node.parameter.name]: segment }, verb);
  }
}
