"""`qinglang normalize`: one text per line in, one normalised text per line out."""

from typer.testing import CliRunner

from qinglang.cli import app


def test_normalize_command_reads_stdin_line_by_line():
    res = CliRunner().invoke(app, ["normalize"], input="微 信：一三九 一二三四 五六七八\n貸歀 茄威\n\n")
    assert res.exit_code == 0, res.output
    assert res.output.split("\n") == ["微信:13912345678", "贷款加微", "", ""]


def test_normalize_command_steps_and_keep_case():
    res = CliRunner().invoke(app, ["normalize", "--steps", "nfkc,lower", "--keep-case"], input="ＡＢ 貸\n")
    assert res.exit_code == 0, res.output
    assert res.output == "AB 貸\n"


def test_normalize_command_rejects_unknown_step():
    res = CliRunner().invoke(app, ["normalize", "--steps", "nope"], input="x\n")
    assert res.exit_code != 0
