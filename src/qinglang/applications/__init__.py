"""Pre-loan applications (issue 17): professional loan fraud from collective dormitories, fake
offices and packaged applications.

Flow: reader (contract + quarantine) -> address keys (admin divisions + building/room) ->
detectors (one class per signal, tables in data/) -> clusters (coordination ties only) ->
scored outputs. A cluster is flagged only with evidence that someone coordinated it; living
together or working in one tower is never enough on its own.
"""
