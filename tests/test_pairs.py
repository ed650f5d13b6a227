"""graph.pairs: co-occurrences logged as integers and grouped into edges."""

from __future__ import annotations

import random
from itertools import combinations

from graph.pairs import PairLog


def _plain(log_calls: list[tuple[str, int, list]]) -> tuple[list, dict]:
    """The same co-occurrences the plain way: logged order, and per pair its articles."""
    seen: list[tuple[int, int, int]] = []
    for how, article, items in log_calls:
        pairs = combinations(items, 2) if how == "clique" else items
        seen.extend((a, b, article) for a, b in pairs)
    per_pair: dict[tuple[int, int], list[int]] = {}
    for a, b, article in seen:
        per_pair.setdefault((a, b), []).append(article)
    return seen, per_pair


def test_random_logs_group_as_the_plain_way() -> None:
    rng = random.Random(5)
    for _ in range(30):
        log, calls = PairLog(), []
        for article in range(rng.randint(0, 40)):
            if rng.random() < 0.7:
                members = sorted(rng.sample(range(12), rng.randint(0, 6)))
                log.clique(article, members)
                calls.append(("clique", article, members))
            else:
                pairs = sorted({tuple(sorted(rng.sample(range(12), 2)))
                                for _ in range(rng.randint(0, 4))})
                log.pairs(article, pairs)
                calls.append(("pairs", article, pairs))
        seen, per_pair = _plain(calls)
        a, b, art = log.columns()
        assert list(zip(a.tolist(), b.tolist(), art.tolist(), strict=True)) == seen
        groups = log.edges()
        assert log.total == len(seen) and len(groups) == len(per_pair)
        got = {}
        for i in range(len(groups)):
            lo, hi = groups.starts[i], groups.starts[i + 1]
            got[int(groups.a[i]), int(groups.b[i])] = groups.articles[lo:hi].tolist()
        assert got == per_pair
        order = [(int(groups.a[i]), int(groups.b[i])) for i in groups.first.tolist()]
        assert order == list(per_pair)  # first-seen order


def test_an_empty_log_and_a_lone_member() -> None:
    log = PairLog()
    log.clique(0, [3])
    assert log.total == 0 and len(log.edges()) == 0
