"""Address parser figures on real labelled sets: province / city / district (/ adcode) accuracy.

Two sets, licences in tests/applications/data/LICENSES.md:
- zh-address-parse's test data (MIT): 47 real-style strings as people type them into shipping
  forms, with names and phones around them, labelled with province, city, district and adcode.
  A blank label means no district there; the parser is right only if it also leaves it blank.
- JioNLP's location-parser cases (Apache-2.0): 33 strings including old names (柳州地区, 襄樊),
  Hong Kong, merged districts (莱芜) and short ethnic-prefecture names (巴音郭楞).
Neither labels the parts below the district. Writes evaluations/results/addresses.json.
"""

from __future__ import annotations

import json
from pathlib import Path

from qinglang.applications.address import parse_address

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "applications" / "data" / "zh_address_parse_testdata.jsonl"
JIO = ROOT / "tests" / "applications" / "data" / "jionlp_location_testdata.jsonl"
OUT = ROOT / "evaluations" / "results" / "addresses.json"


def evaluate(path: Path = DATA) -> dict:
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    right = {"province": 0, "city": 0, "district": 0, "adcode": 0, "all_three": 0}
    misses: list[dict] = []
    for c in cases:
        a = parse_address(c["s"])
        got = {"province": a.province or "", "city": a.city or "", "district": a.district or ""}
        want = {"province": c["province"], "city": c["city"], "district": c["area"]}
        code_ok = (a.adcode or "") == (c["areaCode"] or "") if c["areaCode"] else a.district is None
        ok = {k: got[k] == want[k] for k in got}
        for k, v in ok.items():
            right[k] += v
        right["adcode"] += code_ok
        right["all_three"] += all(ok.values())
        if not all(ok.values()):
            misses.append({"s": c["s"], "want": want, "got": got})
    n = len(cases)
    return {
        "cases": n,
        "accuracy": {k: round(v / n, 4) for k, v in right.items()},
        "misses": misses,
        "source": "zh-address-parse app/test/testData.json (MIT)",
    }


def evaluate_jionlp(path: Path = JIO) -> dict:
    """JioNLP's location-parser cases (Apache-2.0): province / city / county as JioNLP labels
    them, including old names it maps to current ones (襄樊 -> 襄阳市), which we do not."""
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    right = {"province": 0, "city": 0, "district": 0, "all_three": 0}
    misses: list[dict] = []
    for c in cases:
        a = parse_address(c["s"])
        got = {"province": a.province, "city": a.city, "district": a.district}
        want = {"province": c["province"], "city": c["city"], "district": c["county"]}
        ok = {k: (got[k] or None) == (want[k] or None) for k in got}
        for k, v in ok.items():
            right[k] += v
        right["all_three"] += all(ok.values())
        if not all(ok.values()):
            misses.append({"s": c["s"], "want": want, "got": got, "old_name_case": c["change2new"]})
    n = len(cases)
    return {
        "cases": n,
        "accuracy": {k: round(v / n, 4) for k, v in right.items()},
        "misses": misses,
        "source": "JioNLP test/test_location_parser.py (Apache-2.0)",
    }


if __name__ == "__main__":
    result = {"zh_address_parse": evaluate(), "jionlp": evaluate_jionlp()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))
