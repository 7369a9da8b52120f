"""Evidence packs (固化证据): a case's campaign fixed into a ZIP whose every file is hashed in a
manifest, fit to hand to the police or a lawyers' association (线索移送)."""

from qinglang.evidence.pack import build_evidence_pack, verify_pack

__all__ = ["build_evidence_pack", "verify_pack"]
