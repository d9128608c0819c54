/**
 * The places a finding names besides its own (the other records that claim one predecessor, say),
 * at most a few of them: a hostile archive of N records that all name one predecessor would
 * otherwise give N findings that each list N places, N² text (23,000 such records ran the engine
 * out of memory). The count says how many were left out; each of them has its own finding.
 */
const SHOWN = 5;

/** `named` (the first of `total` places), and how many more there are. */
function listed(named: readonly string[], total: number): string {
  return total > named.length ? `${named.join(', ')} and ${total - named.length} more` : named.join(', ');
}

export function placeList(places: readonly string[], shown = SHOWN): string {
  return listed(places.slice(0, shown), places.length);
}

/**
 * placeList of every member of `all` (which holds `self`) but `self`, named by `name`, visiting
 * no more of them than it shows: each of N claimants of one predecessor has its own finding, so
 * naming them all each time took N² steps.
 */
export function otherPlaces<T>(all: readonly T[], self: T, name: (t: T) => string, shown = SHOWN): string {
  const named: string[] = [];
  for (const t of all) {
    if (named.length === shown) break;
    if (t !== self) named.push(name(t));
  }
  return listed(named, all.length - 1);
}
