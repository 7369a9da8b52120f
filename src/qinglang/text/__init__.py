"""text stage: de-obfuscating normaliser (normalize.py), black/gray lexicon (lexicon.py),
contact extraction (contacts.py). Import the submodules directly; this package stays light."""
