"""Signals: small named detectors that turn records into Evidence (see docs/signals.md)."""
