"""Store stage: the operational database (SQLite file by default, PostgreSQL by URL).

open_store(url=None) -> Store        migrated to head with the packaged Alembic revisions
Store.add_complaints / add_customers / add_posts / add_quarantine   insert-or-skip, batched
Store.iter_complaints / get_complaint / get_customer / counts
save_scan / latest_scan / load_scan   scan results (store/results.py)
save_post_results                     post scoring results of a scan run (store/post_results.py)
"""

from qinglang.store.post_results import save_post_results
from qinglang.store.results import ScanResult, latest_scan, list_scans, load_scan, save_scan
from qinglang.store.store import Store, StoreError, make_engine, open_store, upgrade

__all__ = [
    "ScanResult",
    "Store",
    "StoreError",
    "latest_scan",
    "list_scans",
    "load_scan",
    "make_engine",
    "open_store",
    "save_post_results",
    "save_scan",
    "upgrade",
]
