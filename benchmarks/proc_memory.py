"""Memory of a process tree from Linux ``/proc``, for the benchmarks that measure builds."""

from __future__ import annotations

import os


def pss(pid: int) -> int | None:
    """Proportional set size of ``pid`` in bytes (each shared page split between the
    processes sharing it), or None where ``/proc/PID/smaps_rollup`` is missing."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def tree_rss(root: int) -> dict[int, int]:
    """``root`` and all its descendants: pid -> resident size in bytes."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * page
    out: dict[int, int] = {}
    stack = [root]
    while stack:
        pid = stack.pop()
        out[pid] = rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return out
