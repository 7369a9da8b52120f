"""The workbench's one SQLAlchemy MetaData, in a module of its own.

Why: `qinglang.web.db` declares the core workbench tables on it and imports the feature modules
that declare theirs (watch_tables); those modules import the MetaData from here, not from db, so
the imports run one way (db -> watch_tables -> metadata) instead of in a cycle.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
