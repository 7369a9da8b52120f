"""Address parser figures on a real labelled set: province / city / district / adcode accuracy.

The set is the MIT-licensed test data of zh-address-parse (tests/applications/data/, licence
note beside it): 47 real-style address strings as people type them into shipping forms, with
names and phones around them, labelled with province, city, district and adcode. A blank label
means the source has no district there; we count the parser right only if it also leaves it
blank. Writes evaluations/results/addresses.json.
"""

from __future__ import annotations

import json
from pathlib import Path

from qinglang.applications.address import parse_address

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "applications" / "data" / "zh_address_parse_testdata.jsonl"
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


if __name__ == "__main__":
    result = evaluate()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))
