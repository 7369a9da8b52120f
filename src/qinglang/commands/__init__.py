"""Subcommand implementations, one module each (registered in qinglang.cli)."""
