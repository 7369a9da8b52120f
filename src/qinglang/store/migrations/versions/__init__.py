"""Alembic revisions. Next: 0002_workbench (down_revision = "0001_initial")."""
