"""The benchmark JSON files: arrays of flat records, one per measurement."""
import json
import os


def write(path, records):
    """Writes records as a JSON array, atomically (a temporary file renamed over path)."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(records, f)
        f.write("\n")
    os.replace(tmp, path)


def load(paths):
    """The records of every file, in order."""
    records = []
    for p in paths:
        with open(p) as f:
            records += json.load(f)
    return records
