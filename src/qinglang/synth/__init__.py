"""Scenario generator: a realistic synthetic consumer-finance lender with ground truth.

No lender publishes its complaints, so this is qinglang's demo, test bed and benchmark load.
Entry point: `qinglang.synth.scenario.generate(out_dir, Config(...))` (or `qinglang generate`).
Modules, one job each: geo (cities, phone prefixes, ID region codes), people (names, IDs,
devices, IPs), lexicon + genuine (genuine complaint composer), negatives (hard-negative groups),
agencies + styles + campaigns (agency campaigns), obfuscate (code words, disguised contacts),
posts (ads and hard-negative posts), attachments (manifest rows), timing (rhythm, export forms),
rand (fast choice), scenario (configuration and orchestration), writer (files and truth.json).
`documents.py` (rendering attachment files) belongs to the materials work.
"""
