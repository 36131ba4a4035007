"""Analytics: agencies that share initiatives, an agency's initiatives and platforms, a
platform's agencies, and documents with their outline and extractions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import ExplorerDep
from api.models import DocumentOut, DocumentSummary, InitiativeOut, PlatformUse, SharedPair
from api.problems import Problem
from graph.explore import Explorer

__all__ = ["router"]

router = APIRouter(tags=["Analytics"])


def _known(explorer: Explorer, entity_id: str, kind: str) -> Explorer:
    """*explorer*, once *entity_id* is known to be a *kind*; 404 otherwise."""
    if explorer.kind(entity_id) != kind:
        raise Problem(404, f"No such {kind}", f"no {kind} {entity_id}")
    return explorer


@router.get("/analytics/shared-initiatives", response_model=list[SharedPair], summary="Agency pairs sharing items")
def shared_initiatives(
    explorer: ExplorerDep,
    lead_only: Annotated[bool, Query(description="count only initiatives both agencies lead")] = False,
    min_count: Annotated[int, Query(ge=1, description="least number of shared initiatives")] = 1,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[dict[str, Any]]:
    return explorer.shared_initiatives(lead_only=lead_only, minimum=min_count, limit=limit)


@router.get("/agencies/{agency_id:path}/initiatives", response_model=list[InitiativeOut])
def agency_initiatives(explorer: ExplorerDep, agency_id: str) -> list[dict[str, Any]]:
    return _known(explorer, agency_id, "agency").agency_initiatives(agency_id)


@router.get("/agencies/{agency_id:path}/platforms", response_model=list[PlatformUse])
def agency_platforms(explorer: ExplorerDep, agency_id: str) -> list[dict[str, Any]]:
    return _known(explorer, agency_id, "agency").agency_platforms(agency_id)


@router.get("/platforms/{platform_id:path}/agencies", response_model=list[PlatformUse])
def platform_agencies(explorer: ExplorerDep, platform_id: str) -> list[dict[str, Any]]:
    return _known(explorer, platform_id, "platform").platform_agencies(platform_id)


@router.get("/documents", response_model=list[DocumentSummary])
def documents(explorer: ExplorerDep) -> list[dict[str, Any]]:
    return explorer.documents()


@router.get("/documents/{document_id:path}", response_model=DocumentOut, summary="Text, outline, extractions")
def document(explorer: ExplorerDep, document_id: str) -> dict[str, Any]:
    found = explorer.document(document_id)
    if found is None:
        raise Problem(404, "No such document", f"no document {document_id}")
    return found
