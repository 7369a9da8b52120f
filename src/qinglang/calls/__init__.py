"""Collection call records (CDRs): agencies answering collection calls for borrowers.

Public API: load_calls (reader, registered as ingest kind "calls"), run_calls (every detector,
borrower scores and shared numbers), write_outputs (calls_scored.jsonl, call_groups.json).
See docs/contracts.md (calls) and docs/signals.md (call signals).
"""

from qinglang.calls.records import load_calls, read_notes
from qinglang.calls.run import CallsResult, run_calls

__all__ = ["CallsResult", "load_calls", "read_notes", "run_calls"]
