"""DetectionConfig: defaults from the code table, TOML and env sources, strict keys, digest."""

from __future__ import annotations

import pytest

from qinglang.codes import CODES
from qinglang.detection_config import ConfigError, DetectionConfig, load_config


def test_weights_default_to_the_code_table_and_overrides_win():
    cfg = DetectionConfig()
    for (scope, code), row in CODES.items():
        assert cfg.weight(scope, code) == row.weight
    tuned = DetectionConfig(weights={"campaign.burst": 0.25})
    assert tuned.weight("campaign", "burst") == 0.25
    assert tuned.weight("complaint", "agency_demands") == CODES[("complaint", "agency_demands")].weight


def test_toml_file_env_and_precedence(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text(
        'threshold = 0.6\n[community]\nloner_similarity = 0.7\n[weights]\n"campaign.burst" = 0.2\n',
        encoding="utf-8",
    )
    cfg = load_config(f, env={})
    assert (cfg.threshold, cfg.community.loner_similarity, cfg.weight("campaign", "burst")) == (0.6, 0.7, 0.2)
    assert load_config(f, env={"QINGLANG_FLAG_THRESHOLD": "0.4"}).threshold == 0.4  # env over file
    assert load_config(None, env={"QINGLANG_CONFIG": str(f)}).threshold == 0.6
    assert load_config(None, env={}) == DetectionConfig()


@pytest.mark.parametrize(
    "text, said",
    [
        ("thresold = 0.6\n", "thresold"),  # a typo must not silently keep the default
        ('[weights]\n"campaign.brust" = 0.2\n', "campaign.brust"),
        ("threshold = 1.5\n", "threshold"),
        ("threshold = [\n", "TOML"),
    ],
)
def test_bad_config_is_refused_with_the_reason(tmp_path, text, said):
    f = tmp_path / "c.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=said):
        load_config(f, env={})


def test_bad_env_threshold_and_missing_file():
    with pytest.raises(ConfigError, match="QINGLANG_FLAG_THRESHOLD"):
        load_config(None, env={"QINGLANG_FLAG_THRESHOLD": "high"})
    with pytest.raises(ConfigError, match="not found"):
        load_config("/nonexistent/qinglang.toml", env={})


def test_digest_tracks_every_field_and_round_trips():
    base = DetectionConfig()
    assert DetectionConfig.from_dict(base.to_dict()) == base
    assert DetectionConfig.from_dict(base.to_dict()).digest() == base.digest()
    assert base.with_overrides(threshold=0.55).digest() != base.digest()
    changed = DetectionConfig.from_dict(base.to_dict() | {"lsh": base.lsh.model_dump() | {"seed": 1}})
    assert changed.digest() != base.digest()
