"""Settings in one place: environment variables (QINGLANG_*) override the defaults.

Kept deliberately small: a setting earns a place here only when an operator needs to change it
without touching code (where the data lives, which database, thresholds that policy decides).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_TZ = "Asia/Shanghai"


def _default_data_dir() -> Path:
    return Path(os.environ.get("QINGLANG_DATA_DIR", "./qinglang-data"))


def default_db_url() -> str:
    """SQLite file under ./qinglang-data unless QINGLANG_DB_URL says otherwise."""
    url = os.environ.get("QINGLANG_DB_URL")
    if url:
        return url
    return f"sqlite:///{_default_data_dir() / 'qinglang.sqlite'}"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=_default_data_dir)
    db_url: str = field(default_factory=default_db_url)
    timezone: str = DEFAULT_TZ
    flag_threshold: float = float(os.environ.get("QINGLANG_FLAG_THRESHOLD", "0.5"))


def get_settings() -> Settings:
    return Settings()
