#!/usr/bin/env python3
"""Generates src/main/resources/territories/centre-val-de-loire.csv from Etalab's decoupage-administratif package.

Usage (from the repository root):
    mkdir -p /tmp/etalab && cd /tmp/etalab && npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf *.tgz
    python3 tools/territories/generate-cvl.py /tmp/etalab/package/data > src/main/resources/territories/centre-val-de-loire.csv

The living areas are the region's arrondissements: a stand-in for the region's own living areas (bassins de vie),
which no open dataset we can ship describes. See src/main/resources/territories/SOURCE.md.
"""
import json
import sys
from pathlib import Path

REGION = "24"


def load(data_dir, name):
    return json.loads((Path(data_dir) / f"{name}.json").read_text(encoding="utf-8"))


def main(data_dir):
    regions = [r for r in load(data_dir, "regions") if r["code"] == REGION]
    departements = sorted((d for d in load(data_dir, "departements") if d["region"] == REGION), key=lambda d: d["code"])
    arrondissements = sorted((a for a in load(data_dir, "arrondissements") if a["region"] == REGION),
                             key=lambda a: a["code"])
    communes = sorted((c for c in load(data_dir, "communes")
                       if c.get("type") == "commune-actuelle" and c.get("region") == REGION), key=lambda c: c["code"])
    rows = [("kind", "code", "name", "parent_code", "postal_codes")]
    rows += [("REGION", r["code"], r["nom"], "", "") for r in regions]
    rows += [("DEPARTEMENT", d["code"], d["nom"], d["region"], "") for d in departements]
    rows += [("LIVING_AREA", a["code"], a["nom"], a["departement"], "") for a in arrondissements]
    rows += [("COMMUNE", c["code"], c["nom"], c["arrondissement"], "|".join(sorted(set(c.get("codesPostaux", [])))))
             for c in communes]
    for row in rows:
        if any(";" in field for field in row):
            raise SystemExit(f"A field contains the separator: {row}")
        sys.stdout.write(";".join(row) + "\n")
    print(f"{len(regions)} region, {len(departements)} départements, {len(arrondissements)} living areas, "
          f"{len(communes)} communes", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/etalab/package/data")
