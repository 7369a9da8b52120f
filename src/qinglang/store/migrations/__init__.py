"""Alembic migrations of the store, shipped inside the package (see qinglang.store.open_store)."""
