"""web stage: the analyst workbench and JSON API (FastAPI), see docs/workbench.md.

create_app(db_url) -> FastAPI          qinglang.web.app
users, roles, sessions                 qinglang.web.auth
append-only audit log                  qinglang.web.audit
verdicts, notes, cases                 qinglang.web.actions
masking of phone / ID numbers          qinglang.web.pii
"""
