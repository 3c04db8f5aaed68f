"""Which counts to withhold so that no small number can be read off a page, or worked out.

In a rare disease "1 member said it made things worse" can point at a person, so a count from 1
to threshold - 1 is never printed. That alone is not enough: a page that shows a row's total
and all its other cells gives the hidden one away by subtraction, and so do two views of the
same figures (all readers, then patients only: the difference is the caregivers). This module
decides, for a table of counts and the sums that tie them together, which cells to withhold.

Words used here:
- a *cell* is one count, named by any hashable key;
- a *line* is a sequence of cells whose parts add up to its last cell, the line's *total*:
  (helped a lot, helped somewhat, no change, made it worse, tried). A reader who knows every cell
  of a line but one knows that one too. Lines may share cells: a table's rows and columns.

`withheld()` works in three steps, each deterministic (ties go to the cell that comes first in
the values given, so the same counts always give the same page):

1. Primary: every count from 1 to threshold - 1. A line whose total is such a count is withheld
   whole, its zeros too (they read "fewer than N", which is true): "all of the fewer than 3 said
   it made things worse" tells as much, and zeros shown beside two small counts would pin them.
2. Secondary (complementary), repeated until nothing changes: a line holding a withheld cell
   that is not zero must hold at least two withheld cells, and when its total is shown the
   withheld parts (whose sum the reader can work out) must add up to the threshold or more.
   Otherwise the cheapest non-zero cell of that line not yet withheld is withheld as well: by
   default the smallest; the caller may rank cells otherwise (aggregates gives up the narrowest
   filters' cells first, so the unfiltered page keeps most). Zero is never chosen: it
   identifies nobody.
3. Audit: line by line checks miss what only a combination of lines gives away (two blocks of
   withheld cells joined by one cell), or what bounds pin ("fewer than 3" twice, making 4: both
   are 2). So the withheld cells are solved for exactly, as the unknowns of the lines' equations
   (Gauss-Jordan in whole numbers), and their bounds (0 or 1 up to threshold - 1, or up from 1
   for "not shown") are carried from line to line until they stop moving. While a small count
   is determined either way, the cheapest shown non-zero cell of its lines (or, if they have
   none, of the lines next to them) is withheld too, and step 2 runs again.

Cells decided elsewhere (figures another page already shows, computed from fewer lines) are
`settled`: they keep their state, and only the other cells move to protect them.

What this does not promise: the bounds are carried line by line, not solved as one linear
programme, so a reader with an optimiser may still narrow a withheld count to a range (the
tests try every filling of small tables and find none pinned). It protects the figures only:
the answers the figures come from are listed on the pages, one by one, for the readers who may
read them. And the cost grows with the table: a few milliseconds for one treatment's filters.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)


class _Total:
    """The "every value" coordinate of a crossed table's margins (see `crossed`): one object,
    hashed by identity (cheap: the tables are keyed by tuples holding it)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "TOTAL"

    def __reduce__(self) -> str:
        return "TOTAL"  # unpickled as this module's TOTAL, the same object


TOTAL = _Total()


def is_small(count: int, threshold: int) -> bool:
    """A count that could point at someone: 1 to threshold - 1 (zero identifies nobody)."""
    return 0 < count < threshold


def fewer_than(values: Mapping[K, int], lines: Iterable[Sequence[K]], threshold: int) -> set[K]:
    """The cells a page shows as "fewer than <threshold>": the small counts, and every part of
    a line whose total is one (a zero there too: it is fewer, and saying 0 would tell)."""
    few = {key for key, n in values.items() if is_small(n, threshold)}
    for line in lines:
        if is_small(values[line[-1]], threshold):
            few.update(line[:-1])
    return few


def withheld(
    values: Mapping[K, int],
    lines: Iterable[Sequence[K]],
    threshold: int,
    *,
    settled: Mapping[K, bool] | None = None,
    whole: Iterable[Sequence[K]] | None = None,
    cost: Callable[[K], Any] | None = None,
) -> set[K]:
    """The cells of VALUES to withhold: small counts and the cells that protect them.

    LINES are sequences of keys of VALUES whose parts add up to the last one (ValueError when
    they do not: the caller counted wrongly, and a wrong line would protect nothing). SETTLED
    cells keep the state given (True: withheld) and are never chosen to protect others. WHOLE
    names the lines withheld whole when their total is small, the rows a page shows as "fewer
    than N" throughout (every line, when not given). COST orders the cells a line may lose,
    cheapest first (by default their counts: the smallest goes; ties by the order of VALUES).
    """
    # The work is done on numbers standing for the keys: enums hash slowly, numbers do not.
    keys = list(values)
    number = {key: index for index, key in enumerate(keys)}
    counts = [values[key] for key in keys]
    lines = [tuple(number[key] for key in line) for line in lines]
    for line in lines:
        if sum(counts[key] for key in line[:-1]) != counts[line[-1]]:
            named = tuple(keys[key] for key in line)
            raise ValueError(f"the parts of {named!r} do not add up to its total")
    fixed = {number[key]: state for key, state in (settled or {}).items()}
    hidden = {key for key, state in fixed.items() if state}
    hidden |= {key for key, n in enumerate(counts) if key not in fixed and is_small(n, threshold)}
    loose: set[int] = set()  # parts of rows with a small total: a reader knows only 0 <= n < T
    rows = lines if whole is None else [tuple(number[key] for key in line) for line in whole]
    for line in rows:
        if is_small(counts[line[-1]], threshold):
            loose.update(line[:-1])
            hidden.update(key for key in line[:-1] if key not in fixed)
    order = [(cost(key) if cost else values[key], index) for index, key in enumerate(keys)]
    protector = _Protector(counts, lines, threshold, fixed, order, hidden, loose)
    protector.run()
    return {keys[key] for key in protector.hidden}


class _Protector:
    """Steps 2 and 3 of `withheld`, on one table."""

    def __init__(self, values, lines, threshold, settled, order, hidden, loose) -> None:
        self.values = values
        self.lines = lines
        self.threshold = threshold
        self.settled = settled
        self.order = order
        self.hidden = hidden
        self.loose = loose
        self.lines_of: dict = {}
        for line in lines:
            for key in line:
                self.lines_of.setdefault(key, []).append(line)

    def run(self) -> None:
        while True:
            self._secondary()
            found = sorted(self._determined_small())  # cells are numbered in VALUES' order
            candidates = {self._nearest_candidate(key) for key in found} - {None}
            if not candidates:
                return
            self.hidden.update(candidates)

    def _nearest_candidate(self, key):
        """The smallest shown non-zero cell in KEY's lines; failing that, in the lines of the
        withheld cells those share, and so on outwards."""
        seen_cells = {key}
        seen_lines: set[tuple] = set()
        frontier = [key]
        while frontier:
            lines = [
                line
                for cell in frontier
                for line in self.lines_of.get(cell, ())
                if line not in seen_lines
            ]
            seen_lines.update(lines)
            candidates = [c for c in map(self._candidate, lines) if c is not None]
            if candidates:
                return min(candidates, key=self._smallest)
            frontier = [
                cell
                for line in lines
                for cell in line
                if cell in self.hidden and cell not in seen_cells
            ]
            seen_cells.update(frontier)
        return None

    def _secondary(self) -> None:
        changed = True
        while changed:
            changed = False
            for line in self.lines:
                if self._unsafe(line):
                    candidate = self._candidate(line)
                    if candidate is not None:
                        self.hidden.add(candidate)
                        changed = True

    def _unsafe(self, line: tuple) -> bool:
        hidden = [key for key in line if key in self.hidden]
        if not any(self.values[key] for key in hidden):
            return False  # nothing withheld, or only zeros: nothing to work out
        if len(hidden) < 2:
            return True
        total = line[-1]
        if total in self.hidden:
            return False  # the line only ties its withheld cells together
        # The total is shown: the reader knows what the withheld parts add up to.
        return sum(self.values[key] for key in hidden) < self.threshold

    def _bounds(self, key) -> tuple[float, float]:
        """What a reader knows of a cell from how the page shows it."""
        if key not in self.hidden:
            return self.values[key], self.values[key]
        low = 0 if key in self.loose else 1  # elsewhere a zero is shown as 0
        small = is_small(self.values[key], self.threshold) or key in self.loose
        return low, (self.threshold - 1 if small else math.inf)

    def _candidate(self, line: tuple):
        shown = [
            key
            for key in line
            if key not in self.hidden and key not in self.settled and self.values[key] > 0
        ]
        return min(shown, key=self._smallest, default=None)

    def _smallest(self, key) -> tuple:
        return self.order[key]

    def _determined_small(self) -> set:
        """The withheld small counts that the lines give away: solved exactly from their
        equations, or narrowed to one value by what each cell's text tells (bounds carried from
        line to line until they stop moving)."""
        small = {key for key in self.hidden if is_small(self.values[key], self.threshold)}
        if not small:
            return set()
        lines = [line for line in self.lines if any(key in self.hidden for key in line)]
        found = determined(lines, self.hidden) & small
        bounds = narrowed(lines, {key: self._bounds(key) for key in self.lines_of})
        for key in small - found:
            low, high = bounds[key]
            if low == high and self._bounds(key) != (low, high):
                found.add(key)
        return found


def determined(lines: Iterable[Sequence[K]], unknown: set[K]) -> set[K]:
    """The UNKNOWN cells whose value follows from the lines, knowing every other cell.

    Each line is the equation parts - total = 0; moving the known cells to the right leaves
    equations in the unknowns. A cell follows when its unit vector lies in the span of those
    equations: with the equations in reduced row echelon form, when one of them holds that cell
    alone. Exact: whole-number rows, each divided by the gcd of its coefficients."""
    basis: dict[K, dict[K, int]] = {}  # pivot -> row, free of every other pivot
    order: dict[K, int] = {}
    for line in lines:
        row: dict[K, int] = {}
        for key in line[:-1]:
            if key in unknown:
                row[key] = row.get(key, 0) + 1
        if line[-1] in unknown:
            row[line[-1]] = row.get(line[-1], 0) - 1
        row = {key: c for key, c in row.items() if c}
        for key in row:
            order.setdefault(key, len(order))
        for pivot in [key for key in row if key in basis]:
            if row.get(pivot):
                row = _eliminate(row, basis[pivot], pivot)
        if not row:
            continue
        pivot = min(row, key=order.__getitem__)
        for other_pivot, other in basis.items():
            if other.get(pivot):
                basis[other_pivot] = _eliminate(other, row, pivot)
        basis[pivot] = row
    return {pivot for pivot, row in basis.items() if len(row) == 1}


def _eliminate(row: dict, by: dict, pivot) -> dict:
    """ROW with PIVOT taken out by a multiple of BY, in whole numbers, made as small as can be."""
    keep, take = by[pivot], row[pivot]
    combined = {key: c * keep for key, c in row.items()}
    for key, c in by.items():
        combined[key] = combined.get(key, 0) - take * c
    combined = {key: c for key, c in combined.items() if c}
    divisor = math.gcd(*combined.values()) if combined else 1
    return {key: c // divisor for key, c in combined.items()}


def narrowed(
    lines: Sequence[Sequence[K]], bounds: Mapping[K, tuple[float, float]], limit: int = 20
) -> dict[K, tuple[float, float]]:
    """BOUNDS (low, high) of each cell, narrowed by the lines: a part is at most its total less
    the least the other parts can be, a total at least the least its parts can be, and so on,
    line after line until nothing moves (or each line was looked at LIMIT times)."""
    bounds = dict(bounds)
    lines_of: dict[K, list[int]] = {}
    for index, line in enumerate(lines):
        for key in line:
            lines_of.setdefault(key, []).append(index)
    waiting = list(range(len(lines)))
    queued = set(waiting)
    visits = [0] * len(lines)
    while waiting:
        index = waiting.pop()
        queued.discard(index)
        visits[index] += 1
        for key, new in _narrowed_line(lines[index], bounds).items():
            bounds[key] = new
            for other in lines_of[key]:
                if other not in queued and visits[other] < limit:
                    waiting.append(other)
                    queued.add(other)
    return bounds


def _narrowed_line(line: Sequence[K], bounds: Mapping[K, tuple[float, float]]) -> dict:
    """The cells of one line whose bounds its sum narrows, with their new bounds."""
    *parts, total = line
    total_low, total_high = bounds[total]
    lows = [bounds[key][0] for key in parts]
    highs = [bounds[key][1] for key in parts]
    low_sum = sum(lows)
    unbounded = sum(high == math.inf for high in highs)
    finite_high = sum(high for high in highs if high != math.inf)
    changes = {}
    wanted = (max(total_low, low_sum), min(total_high, math.inf if unbounded else finite_high))
    if wanted != bounds[total]:
        changes[total] = wanted
    for key, low, high in zip(parts, lows, highs, strict=True):
        if unbounded - (high == math.inf):
            others_high = math.inf
        else:
            others_high = finite_high - (0 if high == math.inf else high)
        wanted = (max(low, total_low - others_high), min(high, total_high - (low_sum - low)))
        if wanted != (low, high):
            changes[key] = wanted
    return changes


def crossed(
    finest: Mapping[tuple, int], dimensions: Sequence[Sequence[Hashable]]
) -> tuple[dict[tuple, int], list[tuple[tuple, ...]]]:
    """A table counted along DIMENSIONS (the values each coordinate takes), with every margin,
    and its lines: for each dimension, the cells along it and their total.

    FINEST maps a value of each dimension to a count (missing ones are 0). The margins put
    TOTAL in any coordinates: (helped a lot, TOTAL, TOTAL) counts every perspective and every
    time since diagnosis. Cells come parts first, totals last, so ties favour withholding parts.
    """
    axes = [[*values, TOTAL] for values in dimensions]
    cells = dict.fromkeys(itertools.product(*axes), 0)
    masks = list(itertools.product((False, True), repeat=len(dimensions)))
    for key, count in finest.items():
        for mask in masks:
            margin = tuple(
                TOTAL if total else value for value, total in zip(key, mask, strict=True)
            )
            cells[margin] += count
    lines = []
    for axis, values in enumerate(dimensions):
        others = [values_ for index, values_ in enumerate(axes) if index != axis]
        for rest in itertools.product(*others):
            line = [(*rest[:axis], value, *rest[axis:]) for value in (*values, TOTAL)]
            lines.append(tuple(line))
    return cells, lines
