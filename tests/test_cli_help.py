"""The one CLI lists every subcommand with a Chinese and English one-line description."""

import pkgutil
import re

import typer.main
from typer.testing import CliRunner

import qinglang.commands
from qinglang.cli import COMMANDS, GROUPS, app


def test_help_lists_every_subcommand():
    out = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"}).output
    for name, _module, help_text in COMMANDS:
        assert re.search(rf"\b{name}\b", out), name
        zh, en = help_text.split("/ ", 1)
        assert re.search(r"[\u4e00-\u9fff]", zh) and re.search(r"[a-z]", en)


def test_registered_subcommands_match_the_table_and_the_command_modules():
    table = {name: module for name, module, _help in COMMANDS}
    assert len(table) == len(COMMANDS), "a subcommand name is listed twice"
    # what Typer registered, and what the click group built from it actually dispatches
    registered = {c.name: c.callback.__module__ for c in app.registered_commands}
    groups = {name for name, _module, _help in GROUPS}
    assert set(typer.main.get_command(app).commands) == set(registered) | groups
    assert set(registered) == set(table)  # every registered command is in COMMANDS and vice versa
    for name, module in table.items():
        assert registered[name] == f"qinglang.commands.{module}", name
    # every module under qinglang/commands/ is a registered command
    modules = {m.name for m in pkgutil.iter_modules(qinglang.commands.__path__) if m.name != "__init__"}
    assert modules == {m.rsplit(".", 1)[1] for m in registered.values()} | {m for _n, m, _h in GROUPS}


def test_every_subcommand_has_its_own_help():
    runner = CliRunner()
    for name, _module, _help in COMMANDS + GROUPS:
        res = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"})
        assert res.exit_code == 0, (name, res.output)
