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


def test_normalize_command_literal_keeps_case_and_script():
    res = CliRunner().invoke(app, ["normalize", "--literal"], input="加 扣扣：12345678 ABC\n這個 茄威\n")
    assert res.exit_code == 0, res.output
    lines = res.output.split("\n")
    assert lines[0].startswith("加") and "12345678" in lines[0] and "ABC" in lines[0]
    assert "這" in lines[1]  # no traditional -> simplified in the literal profile
    default = CliRunner().invoke(app, ["normalize"], input="這個 ABC\n")
    assert default.output == "这个abc\n"
