"""Alliance: share black/gray indicators across lenders without showing them (issue 13).

Built so far: the tokens (canonical form of an indicator, a 2-of-2 threshold OPRF on ristretto255),
the key-holder service that evaluates blinded points, the member-side client, and the hub (signed
MISP-shaped events and sightings, holdings, matching under the poisoning rule, warninglists,
alerts, MISP feed export). Wiring scans to the hub, the multi-party demo and template tokens are
not built yet (docs/alliance.md).
"""
