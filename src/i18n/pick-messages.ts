import type { Messages, NamespaceKeys, NestedKeyOf } from "next-intl";

/** A namespace of the catalogue: a top-level one ("posts") or a nested one ("enums.practiceField"). */
export type TNamespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

type TTree = { [key: string]: unknown };
const isTree = (v: unknown): v is TTree => typeof v === "object" && v !== null && !Array.isArray(v);

// One picked object per catalogue and list of namespaces. Handing React the same object (and the
// catalogue's own sub-objects, which the pick shares rather than copies) lets the RSC payload refer
// back to it when a component renders many times on a page, instead of repeating its messages.
const memo = new WeakMap<object, Map<string, TTree>>();

/**
 * The part of a catalogue that a client component renders: `namespaces` are dotted paths to
 * sub-trees; a path under one already listed adds nothing, a path the catalogue lacks adds nothing.
 */
export function pickMessages(all: object, namespaces: readonly string[]): TTree {
  const wanted = [...new Set(namespaces)].sort((a, b) => a.split(".").length - b.split(".").length || a.localeCompare(b));
  const key = wanted.join(",");
  let byList = memo.get(all);
  if (!byList) memo.set(all, (byList = new Map()));
  const hit = byList.get(key);
  if (hit) return hit;

  const picked: TTree = {};
  for (const path of wanted) {
    const parts = path.split(".");
    let from: TTree = all as TTree;
    let into = picked;
    for (const [i, part] of parts.entries()) {
      const value = from[part];
      if (value === undefined) break;
      if (i === parts.length - 1) {
        into[part] = value;
        break;
      }
      // A shorter path listed earlier already brought this whole sub-tree.
      if (into[part] === value || !isTree(value)) break;
      into = (into[part] ??= {}) as TTree;
      from = value;
    }
  }
  byList.set(key, picked);
  return picked;
}
