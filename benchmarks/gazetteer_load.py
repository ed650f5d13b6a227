"""Time to load the bundled gazetteer (states, places, officials, groups, media) in a fresh
interpreter, and its ratio to the 1 s target. The unit test only guards against a
pathological slowdown (5 s); this is where the target lives.

Usage: ``python benchmarks/gazetteer_load.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 1.0
CODE = """
import time
from pipelines.nlp.gazetteer import load_gazetteer
t = time.perf_counter()
gaz = load_gazetteer()
print(time.perf_counter() - t, len(gaz.entries))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    times = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
        times.append(float(out[0]))
    median = statistics.median(times)
    print(f"gazetteer load: median {median:.3f} s over {args.runs} runs ({out[1]} entries); "
          f"ratio to the {TARGET_S:.0f} s target: {median / TARGET_S:.2f}")


if __name__ == "__main__":
    main()
