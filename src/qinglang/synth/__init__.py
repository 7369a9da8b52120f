"""Scenario generator: a realistic synthetic consumer-finance lender with ground truth.

No lender publishes its complaints, so this is qinglang's demo, test bed and benchmark load.
Entry point: `qinglang.synth.scenario.generate(out_dir, Config(...))` (or `qinglang generate`).
Modules, one job each: geo (cities, phone prefixes, ID region codes), people (names, IDs,
devices, IPs), lexicon + genuine (genuine complaint composer), negatives (hard-negative groups),
agencies + styles + campaigns (agency campaigns), obfuscate (code words, disguised contacts),
posts (ads and hard-negative posts), attachments (manifest rows), timing (rhythm, export forms),
rand (random streams, weighted draw, fast choice), types (configuration, customer, complaint
record), generator (the lender being built and the helpers the parts share), scenario
(orchestration: runs the parts in order), writer (files and truth.json).
`documents.py` (rendering attachment files) belongs to the materials work.
"""
