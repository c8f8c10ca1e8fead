// The cohort builder (plan.md T2, issue 12 §2 ★): an official asks for N people for a rotation
// programme; the portal proposes those on the rotation lists who have gone longest without
// rotation training, balanced across districts and departments. A pure function, so that the
// order is exact and tested (tests/unit/rotation-cohort.test.ts); docs/decisions/018.
//
// The algorithm:
// 1. Urgency of a person: never trained first, then the oldest last rotation programme; ties by
//    name, then id (a fixed order for the same data).
// 2. People are grouped by district (null: the city level), and inside a district by department.
//    Each group is ordered by urgency; a group's urgency is that of its most urgent person.
// 3. Round-robin: districts take turns in order of their urgency; on its turn a district gives
//    one person, taken from its departments, which also take turns in order of their urgency
//    (the department after the one that gave last time). Emptied groups drop out.
// 4. Stop at N people, or when everyone in the pool is proposed (N larger than the pool).
// So a district with many departments does not crowd out a district with few, and one large
// department does not fill the cohort; inside each group the longest-untrained go first.

export type TCohortCandidate = {
  id: string;
  name: string;
  /** The district of the person's list's department; null for a city-level department. */
  districtKey: string | null;
  departmentKey: string;
  /** End date of the last rotation programme completed; null: never. */
  lastRotation: Date | null;
};

/** Negative when `a` is more urgent than `b`. */
export function compareUrgency(a: Pick<TCohortCandidate, "id" | "name" | "lastRotation">, b: Pick<TCohortCandidate, "id" | "name" | "lastRotation">): number {
  if (a.lastRotation === null && b.lastRotation !== null) return -1;
  if (b.lastRotation === null && a.lastRotation !== null) return 1;
  if (a.lastRotation && b.lastRotation && a.lastRotation.getTime() !== b.lastRotation.getTime()) return a.lastRotation.getTime() - b.lastRotation.getTime();
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

type TGroup<T> = { key: string; head: TCohortCandidate; items: T[] };

/** Groups by `keyOf`, each ordered by its most urgent member; ties by key. */
function groupsOf<T>(items: T[], keyOf: (x: T) => string, headOf: (x: T) => TCohortCandidate): TGroup<T>[] {
  const map = new Map<string, T[]>();
  for (const x of items) {
    const k = keyOf(x);
    const list = map.get(k);
    if (list) list.push(x);
    else map.set(k, [x]);
  }
  return [...map.entries()]
    .map(([key, list]) => ({ key, head: headOf(list[0]!), items: list }))
    .sort((a, b) => compareUrgency(a.head, b.head) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The proposed cohort of at most `n` people, in the order proposed (see the file's comment).
 * A person appearing twice (on two departments' lists) is proposed once, under their first entry.
 */
export function proposeCohort<T extends TCohortCandidate>(pool: readonly T[], n: number): T[] {
  if (n <= 0) return [];
  const seen = new Set<string>();
  const people = [...pool].sort(compareUrgency).filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
  // districts → departments → people, each in urgency order.
  const districts = groupsOf(people, (p) => p.districtKey ?? "", (p) => p).map((d) => ({
    departments: groupsOf(d.items, (p) => p.departmentKey, (p) => p).map((g) => ({ queue: g.items, next: 0 })),
    turn: 0,
  }));
  const out: T[] = [];
  const target = Math.min(n, people.length);
  while (out.length < target) {
    for (const d of districts) {
      if (out.length >= target) break;
      const live = d.departments.filter((g) => g.next < g.queue.length);
      if (!live.length) continue;
      // The department whose turn it is, among those that still have people.
      const g = live[d.turn % live.length]!;
      out.push(g.queue[g.next++]!);
      // The next department's turn: after this one in the list of those still with people.
      const stillLive = d.departments.filter((x) => x.next < x.queue.length);
      const idx = stillLive.indexOf(g);
      d.turn = idx === -1 ? live.indexOf(g) : idx + 1;
    }
  }
  return out;
}

/**
 * What a cohort of `chosen` people will get when enrolled in one step, as enrol() decides it: places
 * while they last, then the waiting list; each place promises the subsidy, and a total beyond what
 * the line can still promise refuses the whole cohort.
 */
export function cohortOutlook(chosen: number, placesLeft: number, subsidyFen: number, lineAvailableFen: bigint | null) {
  const places = Math.max(0, Math.min(chosen, placesLeft));
  const waiting = chosen - places;
  const needed = BigInt(places) * BigInt(subsidyFen);
  const beyondLine = subsidyFen > 0 && lineAvailableFen !== null && needed > lineAvailableFen;
  return { places, waiting, needed, beyondLine };
}
