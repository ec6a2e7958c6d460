#!/usr/bin/env python3
"""Writes a synthetic pool where volunteers are mostly distinct types (no type reduction helps):
600 volunteers, 5 features (2 x 4 x 6 x 5 x 3 values), quotas of +-20 % around proportional for k = 60.
Usage: tools/bench/panels-synthetic.py OUT_DIR, then
java -jar target/agora.jar panels select --quotas OUT_DIR/synth-quotas.csv --pool OUT_DIR/synth-pool.csv --size 60"""
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "."
random.seed(5)
features = {"genre": ["f", "h"], "age": ["a1", "a2", "a3", "a4"], "dept": ["18", "28", "36", "37", "41", "45"],
            "csp": ["c1", "c2", "c3", "c4", "c5"], "diplome": ["d1", "d2", "d3"]}
n, k = 600, 60
with open(os.path.join(out, "synth-pool.csv"), "w") as f:
    f.write("id," + ",".join(features) + "\n")
    for i in range(n):
        f.write(f"S{i}," + ",".join(random.choice(v) for v in features.values()) + "\n")
with open(os.path.join(out, "synth-quotas.csv"), "w") as f:
    f.write("feature,value,min,max\n")
    for feature, values in features.items():
        share = k / len(values)
        for v in values:
            f.write(f"{feature},{v},{int(share * 0.8)},{int(share * 1.2) + 1}\n")
