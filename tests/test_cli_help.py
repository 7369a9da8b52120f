"""The one CLI lists every subcommand with a Chinese and English one-line description."""

import re

from typer.testing import CliRunner

from qinglang.cli import COMMANDS, app


def test_help_lists_every_subcommand():
    out = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"}).output
    for name, _module, help_text in COMMANDS:
        assert re.search(rf"\b{name}\b", out), name
        zh, en = help_text.split("/ ", 1)
        assert re.search(r"[\u4e00-\u9fff]", zh) and re.search(r"[a-z]", en)
    assert len(COMMANDS) == 9


def test_every_subcommand_has_its_own_help():
    runner = CliRunner()
    for name, _module, _help in COMMANDS:
        res = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"})
        assert res.exit_code == 0, (name, res.output)
