"""Application clusters (贷前团伙) beside the complaint campaigns: pages and JSON API.

`qinglang applications --out DIR` writes application_clusters.json; the workbench shows the
newest such file from the folder named by QINGLANG_APPLICATIONS_DIR (read on each request, so a
new run shows without a restart):

- `/applications` and `GET /api/applications/clusters`: the clusters, largest first, with their
  evidence, members and the later complaints they are linked to (with their campaign pages).

Names, resident ID and phone numbers of the members are masked unless a role that may unmask
asks `unmask=1` (audited, web/deps.masking), as on every other page.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from qinglang.phones import mask_phone
from qinglang.web import pages
from qinglang.web.auth import User
from qinglang.web.deps import current_user, masking, optional_user
from qinglang.web.pii import mask_id, mask_name

ENV = "QINGLANG_APPLICATIONS_DIR"
FILE = "application_clusters.json"

api_router = APIRouter(prefix="/api", tags=["applications"])
page_router = APIRouter(include_in_schema=False)


def _source() -> Path | None:
    folder = os.environ.get(ENV)
    if not folder:
        return None
    path = Path(folder) / FILE
    return path if path.is_file() else None


def _mask_member(m: dict[str, Any]) -> dict[str, Any]:
    out = dict(m)
    if out.get("name"):
        out["name"] = mask_name(out["name"])
    if out.get("id_number"):
        out["id_number"] = mask_id(out["id_number"])
    if out.get("phone"):
        out["phone"] = mask_phone(out["phone"])
    return out


def load_clusters(masked: bool) -> dict[str, Any]:
    """The clusters file as the page shows it (members masked when `masked`)."""
    path = _source()
    if path is None:
        return {"source": None, "summary": None, "clusters": []}
    data = json.loads(path.read_text(encoding="utf-8"))
    clusters = data.get("clusters", [])
    if masked:
        clusters = [dict(c, members=[_mask_member(m) for m in c.get("members", [])]) for c in clusters]
    return {"source": str(path.parent), "summary": data.get("summary"), "clusters": clusters}


@api_router.get("/applications/clusters")
def api_application_clusters(request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    """贷前申请团伙（中介包装、集体宿舍、虚假办公点）/ pre-loan application clusters."""
    return load_clusters(masking(request, user, "applications", "clusters"))


@page_router.get("/applications")
def applications_page(request: Request) -> Response:
    user = optional_user(request)
    if user is None:
        return RedirectResponse("/login?next=/applications", status_code=303)
    data = load_clusters(masking(request, user, "applications", "clusters"))
    return pages._render(request, "applications.html", user, data=data)
