"""The one `qinglang` command line.

Each subcommand lives in its own module under qinglang.commands (one owner, one job) and is
registered here by name, so adding a command never means editing another command's code.
Command modules keep heavy imports inside the function body so `qinglang --help` stays fast.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="qinglang",
    help="清朗 qinglang — 识别金融黑灰产投诉、材料与广告 / expose black/gray-industry complaint campaigns, "
    "forged materials and ads.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

# (subcommand, module under qinglang.commands, one-line help in Chinese and English)
COMMANDS: list[tuple[str, str, str]] = [
    (
        "generate",
        "generate",
        "生成逼真的演示贷款机构数据 / generate a realistic demo lender with ground truth",
    ),
    (
        "ingest",
        "ingest",
        "导入投诉、客户、帖子（坏行隔离）/ ingest complaints, customers, posts (bad rows quarantined)",
    ),
    (
        "normalize",
        "normalize",
        "还原变体字与隐写（stdin→stdout）/ de-obfuscate texts, one per line, stdin to stdout",
    ),
    ("scan", "scan", "批量扫描投诉，发现团伙代投诉 / batch-scan complaints for organised campaigns"),
    ("score", "score", "对单条新投诉在线评分 / score one new complaint against the stored index"),
    ("eval", "evaluate", "对照真值评估扫描结果 / evaluate a scan against truth.json"),
    ("posts", "posts", "监测网络黑灰产广告帖 / monitor online posts for black/gray-industry ads"),
    ("calls", "calls", "通话记录：中介呼叫转移代接 / call records: agencies answering collection calls"),
    (
        "materials",
        "materials",
        "核验投诉附件材料真伪 / check attached supporting materials for forgery and reuse",
    ),
    ("serve", "serve", "启动分析工作台与 API / run the analyst workbench and JSON API"),
    ("audit", "audit", "校验审计日志哈希链（audit verify）/ verify the audit log's hash chain"),
    ("pack", "pack", "生成团伙证据包（签名、时间戳）/ build a campaign's sealed evidence pack"),
    ("verify-pack", "verify_pack", "离线校验证据包 / verify an evidence pack offline"),
]

# (group, module under qinglang.commands whose `app` is a Typer group of subcommands, help)
GROUPS: list[tuple[str, str, str]] = [
    (
        "alliance",
        "alliance",
        "同业联盟：可用不可见的指标令牌 / alliance: indicator tokens no single party can reverse",
    ),
    (
        "applications",
        "applications",
        "贷前：集体宿舍、虚假办公点、中介包装进件 / pre-loan: dormitories, fake offices, packaged applications",
    ),
]


def _register() -> None:
    for name, module, help_text in COMMANDS:
        try:
            mod = importlib.import_module(f"qinglang.commands.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"qinglang.commands.{module}":
                raise
            continue  # command not built yet: it simply does not appear
        app.command(name=name, help=help_text)(mod.command)
    for name, module, help_text in GROUPS:
        app.add_typer(importlib.import_module(f"qinglang.commands.{module}").app, name=name, help=help_text)


_register()


if __name__ == "__main__":  # pragma: no cover
    app()
