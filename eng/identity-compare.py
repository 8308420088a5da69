#!/usr/bin/env python3
"""Compares the result.json files of two identity-check folders (eng/identity-check.sh): test, test_by_group,
validation, chosen_epoch, every epoch record, the selection text, messages, the gate and the backbone summary must be equal value for value (dictionary key order ignored).
Usage: eng/identity-compare.py BEFORE AFTER"""
import json, os, sys

KEYS = ["test", "test_by_group", "validation", "chosen_epoch", "chosen_step", "steps", "status", "epochs",
        "selection_description", "messages", "gate_passed", "backbone", "degenerate"]

def load(folder, run):
    with open(os.path.join(folder, run, "result.json"), encoding="utf-8") as f:
        return json.load(f)

def main(before, after):
    runs = sorted(os.listdir(before))
    bad = 0
    for run in runs:
        a, b = load(before, run), load(after, run)
        diffs = [k for k in KEYS if (k in a or k in b) and a.get(k) != b.get(k)]
        # result.json writes doubles round-trip, so equal JSON values are bitwise-equal doubles
        print(f"{run:28s} {'identical' if not diffs else 'DIFFERS in ' + ', '.join(diffs)}")
        bad += bool(diffs)
    print(f"{len(runs) - bad} of {len(runs)} runs identical")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
