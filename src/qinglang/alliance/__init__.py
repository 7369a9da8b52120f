"""Alliance: share black/gray indicators across lenders without showing them (issue 13).

Built so far: the tokens (canonical form of an indicator, a 2-of-2 threshold OPRF on ristretto255),
the key-holder service that evaluates blinded points, and the member-side client. The hub, events,
warnings, the multi-party demo and the MISP export are not built yet (docs/alliance.md).
"""
