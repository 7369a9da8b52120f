"""Evidence pack v2 (issue 14): a pack of a confirmed campaign, built by `qinglang pack` from a
store, sealed with the lender's key and a local TSA's timestamp, verifies offline with
`qinglang verify-pack`; any changed byte of a file, the manifest, the signature or the timestamp
token, or a missing file, fails it with the check that caught it."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner
from wb_scenario import Scenario

from qinglang.cli import app
from qinglang.evidence import integrity
from qinglang.evidence.verify import verify
from qinglang.web import db as wb_db
from qinglang.web.actions import confirm_campaign
from qinglang.web.auth import User

runner = CliRunner()


@pytest.fixture(scope="module")
def sealed(store_scenario: Scenario, tsa, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A confirmed campaign's pack (A) and an unconfirmed one's (B), both from the CLI."""
    engine = wb_db.open_engine(store_scenario.db_url)
    wb_db.ensure_schema(engine)
    confirm_campaign(
        engine, User("lead1", "lead"), store_scenario.run_id, store_scenario.clusters["A"], "代投诉团伙 A"
    )
    d = tmp_path_factory.mktemp("packs")
    key = d / "lender.key"
    out: dict[str, Path] = {"key": key, "tsa_cert": tsa.cert}
    for label in ("A", "B"):
        zpath = d / f"{label}.zip"
        res = runner.invoke(
            app,
            [
                "pack",
                "--db",
                store_scenario.db_url,
                "--campaign",
                store_scenario.clusters[label],
                "--out",
                str(zpath),
                "--sign-key",
                str(key),
                "--tsa",
                tsa.url,
                "--tsa-cert",
                str(tsa.cert),
                "--signer",
                "演示消费金融 demo lender",
            ],
        )
        assert res.exit_code == 0, res.output
        out[label] = zpath
    pub = d / "lender.pub"
    pub.write_text(integrity.public_key_b64(integrity.load_or_create_key(key)[0]) + "\n")
    out["pub"] = pub
    return out


def _verify_cli(path: Path, sealed: dict[str, Path]) -> tuple[int, str]:
    res = runner.invoke(
        app, ["verify-pack", str(path), "--tsa-cert", str(sealed["tsa_cert"]), "--pubkey", str(sealed["pub"])]
    )
    return res.exit_code, res.output


def _rewrite(src: Path, dst: Path, change) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            body = change(name, zin.read(name))
            if body is not None:
                zout.writestr(name, body)
    return dst


def _flip(body: bytes, at: int | None = None) -> bytes:
    b = bytearray(body)
    i = len(b) // 2 if at is None else at
    b[i] ^= 0x01
    return bytes(b)


@pytest.mark.slow  # Chromium prints the report of each pack
def test_confirmed_pack_verifies_offline(sealed):
    code, out = _verify_cli(sealed["A"], sealed)
    assert code == 0, out
    for check in (
        "manifest",
        "file hashes (SHA-256 and SM3)",
        "Merkle root",
        "lender's signature",
        "RFC 3161 timestamp",
    ):
        assert any(line.startswith("[通过 PASS]") and check in line for line in out.splitlines()), check
    assert "FAIL" not in out and "VERIFIED" in out and "结论" in out
    assert "trusted TSA certificate" in out and "trusted key" in out
    zf = zipfile.ZipFile(sealed["A"])
    manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format"] == "qinglang-evidence-pack/2" and manifest["confirmed"] is True
    report = zf.read("report.html").decode()
    assert "尚未经分析人员确认" not in report
    entry = {e["path"]: e for e in manifest["files"]}["complaints.csv"]
    assert entry["sm3"] == integrity.sm3(zf.read("complaints.csv")) and len(entry["sm3"]) == 64
    # the officer can recompute the root by the documented rule alone
    files = {n: zf.read(n) for n in zf.namelist() if not n.startswith("seal/")}
    record = json.loads(zf.read(integrity.SIGNATURE_FILE))
    assert integrity.merkle_root(files).hex() == record["merkle_root"]
    assert record["key_source"].startswith("key file lender.key")


@pytest.mark.slow
def test_unconfirmed_campaign_pack_says_so_on_its_cover(sealed):
    zf = zipfile.ZipFile(sealed["B"])
    assert json.loads(zf.read("manifest.json"))["confirmed"] is False
    assert "本团伙尚未经分析人员确认" in zf.read("report.html").decode()
    assert _verify_cli(sealed["B"], sealed)[0] == 0


def _tamper_cases():
    # (id, what to change: name -> new body or None to drop, expected failing check, expected detail)
    return [
        (
            "complaints.csv byte",
            lambda n, b: _flip(b) if n == "complaints.csv" else b,
            "file hashes",
            "complaints.csv: sha256 differs",
        ),
        (
            "report.pdf byte",
            lambda n, b: _flip(b) if n == "report.pdf" else b,
            "file hashes",
            "report.pdf: sha256 differs",
        ),
        (
            "graph.png byte",
            lambda n, b: _flip(b) if n == "graph.png" else b,
            "file hashes",
            "graph.png: sha256 differs",
        ),
        (
            "material byte",
            lambda n, b: _flip(b) if n.startswith("materials/") else b,
            "file hashes",
            "materials/A000_hardship.png: sha256 differs",
        ),
        (
            "file missing",
            lambda n, b: None if n == "indicators.csv" else b,
            "file hashes",
            "indicators.csv: missing",
        ),
        ("file added", None, "file hashes", "extra.txt: not in manifest"),
        (
            "manifest byte",
            lambda n, b: (
                b.replace(b'"created_by": "cli"', b'"created_by": "clj"') if n == "manifest.json" else b
            ),
            "Merkle root",
            "recomputed",
        ),
        (
            "manifest hash entry",
            lambda n, b: b.replace(b'"sha256": "', b'"sha256": "0', 1) if n == "manifest.json" else b,
            "file hashes",
            "sha256 differs",
        ),
        ("signature byte", None, "lender's signature", "bad signature"),
        (
            "signature record byte",
            lambda n, b: b.replace(b"demo lender", b"demo lendeR") if n == integrity.SIGNATURE_FILE else b,
            "lender's signature",
            "bad seal signature",
        ),
        (
            "signature whitespace",
            lambda n, b: b.replace(b"\n", b"\n ", 1) if n == integrity.SIGNATURE_FILE else b,
            "lender's signature",
            "altered",
        ),
        (
            "timestamp token byte",
            lambda n, b: _flip(b) if n == integrity.TIMESTAMP_FILE else b,
            "RFC 3161 timestamp",
            "timestamp token altered",
        ),
        (
            "timestamp token last byte",
            lambda n, b: _flip(b, len(b) - 1) if n == integrity.TIMESTAMP_FILE else b,
            "RFC 3161 timestamp",
            "timestamp token altered",
        ),
        (
            "timestamp missing",
            lambda n, b: None if n == integrity.TIMESTAMP_FILE else b,
            "RFC 3161 timestamp",
            "missing",
        ),
    ]


def _bad_signature(name: str, body: bytes) -> bytes:
    if name != integrity.SIGNATURE_FILE:
        return body
    record = json.loads(body)
    sig = bytearray(base64.b64decode(record["signature"]))
    sig[0] ^= 1
    record["signature"] = base64.b64encode(bytes(sig)).decode()
    return integrity.canonical(record)


@pytest.mark.slow
@pytest.mark.parametrize("case", _tamper_cases(), ids=lambda c: c[0])
def test_any_change_fails_verification_with_the_right_check(sealed, tmp_path, case):
    label, change, check, detail = case
    if label == "file added":
        bad = tmp_path / "bad.zip"
        bad.write_bytes(sealed["A"].read_bytes())
        with zipfile.ZipFile(bad, "a") as zf:
            zf.writestr("extra.txt", b"planted")
    else:
        bad = _rewrite(sealed["A"], tmp_path / "bad.zip", change or _bad_signature)
    code, out = _verify_cli(bad, sealed)
    assert code == 1, out
    failed = [line for line in out.splitlines() if line.startswith("[失败 FAIL]")]
    assert any(check in line and detail in line for line in failed), out
    assert "FAILED" in out and "未通过" in out


@pytest.mark.slow
def test_wrong_keys_and_certificates_fail(sealed, tmp_path):
    other_key = tmp_path / "other.pub"
    other_key.write_text(integrity.public_key_b64(integrity.load_or_create_key(None)[0]))
    res = runner.invoke(app, ["verify-pack", str(sealed["A"]), "--pubkey", str(other_key)])
    assert res.exit_code == 1 and "embedded public key is not the trusted key" in res.output
    from qinglang.evidence import local_tsa

    other_cert = local_tsa.setup(tmp_path / "other-tsa")
    res = runner.invoke(app, ["verify-pack", str(sealed["A"]), "--tsa-cert", str(other_cert)])
    assert res.exit_code == 1 and "RFC 3161 timestamp" in res.output and "invalid" in res.output
    # without trust anchors the pack's own copies are used, and the output says they are not trusted
    res = runner.invoke(app, ["verify-pack", str(sealed["A"])])
    assert (
        res.exit_code == 0
        and "not independently trusted" in res.output
        and "not checked against a trusted key" in res.output
    )
    res = runner.invoke(app, ["verify-pack", str(tmp_path / "nope.zip")])
    assert res.exit_code == 2
    junk_key = tmp_path / "junk.pub"
    junk_key.write_text("not base64!")
    res = runner.invoke(app, ["verify-pack", str(sealed["A"]), "--pubkey", str(junk_key)])
    assert res.exit_code == 2 and "cannot read" in res.output


def test_pack_of_an_unknown_campaign_exits_2(store_scenario, tmp_path):
    res = runner.invoke(
        app, ["pack", "--db", store_scenario.db_url, "--campaign", "C99999", "--out", str(tmp_path / "x.zip")]
    )
    assert res.exit_code == 2 and "C99999" in res.output and not (tmp_path / "x.zip").exists()


def test_merkle_rule_is_order_free_and_binds_paths():
    files = {"b.txt": b"2", "a.txt": b"1", "c/d.txt": b"3"}
    root = integrity.merkle_root(files)
    assert root == integrity.merkle_root(dict(reversed(list(files.items()))))
    assert root != integrity.merkle_root({"b.txt": b"1", "a.txt": b"2", "c/d.txt": b"3"})
    leaves = [integrity.leaf_hash(p, files[p]) for p in ("a.txt", "b.txt", "c/d.txt")]
    top = hashlib.sha256(
        b"\x01" + hashlib.sha256(b"\x01" + leaves[0] + leaves[1]).digest() + leaves[2]
    ).digest()
    assert root == top


def test_sm3_is_the_standard_one():
    # GB/T 32905-2016 appendix A, example 1
    assert integrity.sm3(b"abc") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"


def test_verify_reads_garbage_as_failed():
    assert not verify(b"not a zip").ok
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("x.txt", b"x")
    result = verify(buf.getvalue())
    assert not result.ok and any(c.en == "manifest" and not c.ok for c in result.checks)


@pytest.mark.slow
def test_stix_bundle_validates_and_carries_the_organiser_indicators(sealed, store_scenario):
    from stix2validator import validate_string

    zf = zipfile.ZipFile(sealed["A"])
    text = zf.read("stix/bundle.json").decode("utf-8")
    result = validate_string(text)
    assert result.is_valid and not result.errors, [str(e) for e in result.errors]
    objects = json.loads(text)["objects"]
    types = {o["type"] for o in objects}
    assert {
        "identity",
        "campaign",
        "indicator",
        "relationship",
        "sighting",
        "note",
        "marking-definition",
    } <= types
    ext = next(o for o in objects if o["type"] == "extension-definition")
    assert ext["extension_types"] == ["property-extension"]
    tlp = next(o for o in objects if o["type"] == "marking-definition")
    assert all(
        tlp["id"] in o.get("object_marking_refs", [])
        for o in objects
        if o["type"] in ("indicator", "campaign")
    )
    values = {
        o["extensions"][ext["id"]]["identifier_kind"]: o["extensions"][ext["id"]]["identifier_value"]
        for o in objects
        if o["type"] == "indicator"
    }
    from wb_scenario import AGENT_PHONE, BORROWER_PHONES, ID_NUMBER, NAMES

    assert values["agent_phone"].endswith(AGENT_PHONE[-8:]) and "wechat" in values and "device" in values
    # organiser indicators travel raw; no customer's name, phone or ID number does
    for secret in [*NAMES, *BORROWER_PHONES, ID_NUMBER]:
        assert secret not in text
    campaign = next(o for o in objects if o["type"] == "campaign")
    rels = [o for o in objects if o["type"] == "relationship"]
    indicators = [o for o in objects if o["type"] == "indicator"]
    assert len(indicators) == 6  # agent phone, WeChat, IP block, three devices
    assert sum(r["relationship_type"] == "indicates" and r["target_ref"] == campaign["id"] for r in rels) == 6


@pytest.mark.slow
def test_provenance_chain_in_the_pack(sealed):
    zf = zipfile.ZipFile(sealed["A"])
    prov = json.loads(zf.read("provenance.json"))
    steps = [s["step"] for s in prov["chain"]]
    assert steps[-3:] == ["scan", "verdict", "export"]
    scan, verdict, export = prov["chain"][-3:]
    assert scan["run_id"] == "scan-test-1" and scan["campaign_complaints"] == 10
    assert len(scan["campaign_records_digest"]) == 64
    assert verdict["who"] == "lead1" and verdict["verdict"] == "confirm"
    assert export["who"] == "cli" and export["qinglang_version"]
    actions = [a["action"] for a in prov["audit_entries"]]
    assert "verdict" in actions and "case_open" in actions
    assert all(len(a["entry_hash"]) == 64 for a in prov["audit_entries"])


def test_provenance_hashes_the_recorded_source_files(tmp_path):
    from datetime import UTC, datetime

    from qinglang.evidence import provenance

    src = tmp_path / "complaints.jsonl"
    src.write_bytes(b'{"complaint_id": "A1"}\n')
    data = {
        "run": {
            "run_id": "r1",
            "created_at": datetime(2026, 3, 1, tzinfo=UTC),
            "params": {"config_digest": "ab" * 32},
        },
        "members": [{"complaint_id": "A1", "content_hash": "h1", "source_file": str(src)}],
        "verdicts": [],
        "provenance": {
            "ingest_runs": [
                {
                    "source_file": str(src),
                    "kind": "complaints",
                    "host": "h",
                    "pid": 1,
                    "read": 1,
                    "accepted": 1,
                },
                {"source_file": str(tmp_path / "gone.jsonl"), "kind": "customers"},
            ],
            "audit": [],
        },
    }
    chain = provenance.chain(
        {"case_id": "C", "cluster_id": "K"}, data, "lead1", datetime(2026, 3, 2, tzinfo=UTC)
    )
    ingest = [s for s in chain["chain"] if s["step"] == "ingest"]
    assert ingest[0]["source_file"]["sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
    assert ingest[0]["source_file"]["sm3"] == integrity.sm3(src.read_bytes())
    assert ingest[0]["campaign_complaints_from_it"] == 1
    assert not ingest[1]["source_file"]["hashed"] and "no longer" in ingest[1]["source_file"]["why"]
    assert chain["chain"][-1]["detection_config_digest"] == "ab" * 32


@pytest.mark.slow
def test_referral_letter_states_the_case_and_lists_exhibits(sealed, store_scenario):
    import pypdfium2 as pdfium
    from wb_scenario import NAMES, artifacts_dir

    zf = zipfile.ZipFile(sealed["A"])
    pdf = zf.read("referral_letter.pdf")
    doc = pdfium.PdfDocument(pdf)
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert "线索移送函" in text and "尚未经分析人员确认" not in text and "演示消费金融" in text
    assert "122,500.00" in text  # the ten customers' principal in the store
    assert "投诉件数" in text and "10" in text
    manifest = json.loads(zf.read("manifest.json"))
    hashes = {e["path"]: e["sha256"] for e in manifest["files"]}
    for name in ("complaints.csv", "report.pdf", "stix/bundle.json", "provenance.json"):
        assert hashes[name] in text.replace("\r", "").replace("\n", ""), name
    assert "+8613912345678" in text and "tingxi_dz888" in text  # organiser identifiers, raw
    assert not any(n in text for n in NAMES)  # customers are counted, never named
    out = artifacts_dir().parent / "evidence"
    out.mkdir(parents=True, exist_ok=True)
    for i in range(len(doc)):
        doc[i].render(scale=1.6).to_pil().save(out / f"referral_letter_A_p{i + 1}.png")
    unconfirmed = pdfium.PdfDocument(zipfile.ZipFile(sealed["B"]).read("referral_letter.pdf"))
    assert "尚未经分析人员确认" in unconfirmed[0].get_textpage().get_text_range()
    unconfirmed[0].render(scale=1.6).to_pil().save(out / "referral_letter_B_p1.png")


def test_a_police_outcome_does_not_make_a_confirmed_campaign_unconfirmed():
    from qinglang.evidence.pack import is_confirmed

    confirmed = [{"verdict": "confirm"}]
    assert is_confirmed({"verdicts": confirmed})
    assert is_confirmed({"verdicts": [*confirmed, {"verdict": "police_filed"}, {"verdict": "police_closed"}]})
    assert not is_confirmed(
        {"verdicts": [*confirmed, {"verdict": "dismiss"}, {"verdict": "police_declined"}]}
    )
    assert not is_confirmed({"verdicts": [{"verdict": "police_filed"}]})
    assert not is_confirmed({})
