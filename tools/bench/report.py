"""The benchmark's one table, with the targets checked underneath."""

from __future__ import annotations

from dataclasses import dataclass, field

from tools.bench.load import LoadResult
from tools.bench.measure import Measurement

FLAT = 0.20  # ratios at the largest size may differ from the smallest by at most this
SIGNED_IN_LIMIT = 5.0
CACHED_LIMIT = 1.5


@dataclass
class Report:
    by_size: dict[int, list[Measurement]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    explain: list[str] = field(default_factory=list)
    load: list[LoadResult] | str = field(default_factory=list)

    def add(self, size: int, measurements: list[Measurement]) -> None:
        self.by_size[size] = measurements

    def note(self, text: str) -> None:
        self.notes.append(text)

    def render(self, sizes: list[int]) -> str:
        lines = [*self.notes, "", *self._table(sizes), ""]
        if self.explain:
            lines += [
                "Query plans of the question page (200 answers, signed in):",
                *self.explain,
                "",
            ]
        lines += self._load_lines()
        lines += ["", "Targets:", *self._verdicts(sizes)]
        return "\n".join(lines)

    def _table(self, sizes: list[int]) -> list[str]:
        header = (
            f"{'measurement':<46}"
            + "".join(f"{f'{size:,} answers':>30}" for size in sizes)
            + f"{'ratio change':>14}"
        )
        sub = " " * 46 + "".join(f"{'ms':>10}{'× trivial':>11}{'queries':>9}" for _ in sizes)
        rows = [header, sub]
        names = [m.name for m in self.by_size[sizes[0]]]
        for index, name in enumerate(names):
            cells = "".join(
                f"{m.milliseconds:>10.2f}{m.ratio:>11.2f}{m.queries:>9}"
                for m in (self.by_size[size][index] for size in sizes)
            )
            rows.append(f"{name:<46}{cells}{self._change(sizes, index):>14}")
        return rows

    def _change(self, sizes: list[int], index: int) -> str:
        first, last = self.by_size[sizes[0]][index], self.by_size[sizes[-1]][index]
        return f"{(last.ratio / first.ratio - 1) * 100:+.0f}%"

    def _load_lines(self) -> list[str]:
        if isinstance(self.load, str):
            return [f"Load test skipped: {self.load}"]
        lines = [
            "Under gunicorn, 2 workers, wrk -t2 -c8 on loopback:",
            f"{'page':<46}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}",
        ]
        lines += [
            f"{r.name:<46}{r.requests_per_second:>10.0f}{r.p50_ms:>10.2f}{r.p99_ms:>10.2f}"
            for r in self.load
        ]
        return lines

    def _verdicts(self, sizes: list[int]) -> list[str]:
        verdicts = []
        if len(sizes) > 1:
            worst = max(
                abs(float(self._change(sizes, i).rstrip("%"))) / 100
                for i in range(len(self.by_size[sizes[0]]))
            )
            verdicts.append(
                _verdict(
                    f"ratios at {sizes[-1]:,} within 20% of {sizes[0]:,} (worst {worst:.0%})",
                    worst <= FLAT,
                )
            )
        largest = {m.name: m for m in self.by_size[sizes[-1]]}
        signed_in = largest["question page, 20 answers, signed in"].ratio
        verdicts.append(
            _verdict(
                f"question page (20) signed in < {SIGNED_IN_LIMIT}× trivial ({signed_in:.2f}×)",
                signed_in < SIGNED_IN_LIMIT,
            )
        )
        if not isinstance(self.load, str) and self.load:
            by_name = {r.name: r for r in self.load}
            cached = (
                by_name["question page (20 answers), signed out"].p50_ms
                / by_name["trivial page, signed out"].p50_ms
            )
            verdicts.append(
                _verdict(
                    f"question page (20) signed out, cached < {CACHED_LIMIT}× "
                    f"trivial under load ({cached:.2f}× at p50)",
                    cached < CACHED_LIMIT,
                )
            )
        return verdicts


def _verdict(text: str, ok: bool) -> str:
    return f"  [{'met' if ok else 'MISSED'}] {text}"
