#!/usr/bin/python3
"""Prints the YAML documents of the given files as one JSON array (for the Qt tests).

Usage: yamltojson.py FILE...   (python3-yaml; safe_load: no arbitrary objects)
A YAML syntax error exits 1 with the parser's message on stderr.
"""

import json
import sys

import yaml


def main():
    docs = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            try:
                docs.extend(d for d in yaml.safe_load_all(f) if d is not None)
            except yaml.YAMLError as e:
                sys.exit(f"{path}: {e}")
    json.dump(docs, sys.stdout)


if __name__ == "__main__":
    main()
