"""Analytics: agencies that share initiatives, an agency's initiatives and platforms, a
platform's agencies, and documents with their outline and extractions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import SettingsDep, StoreDep
from api.models import DocumentOut, DocumentSummary, InitiativeOut, PlatformUse, SharedPair
from api.problems import Problem
from graph.explore import Explorer

__all__ = ["router"]

router = APIRouter(tags=["Analytics"])


def _known(explorer: Explorer, entity_id: str, kind: str) -> None:
    found = explorer.describe(entity_id)
    if found is None or found["type"] != kind:
        raise Problem(404, f"No such {kind}", f"no {kind} {entity_id}")


@router.get("/analytics/shared-initiatives", response_model=list[SharedPair], summary="Agency pairs sharing items")
def shared_initiatives(
    store: StoreDep,
    settings: SettingsDep,
    lead_only: Annotated[bool, Query(description="count only initiatives both agencies lead")] = False,
    min_count: Annotated[int, Query(ge=1, description="least number of shared initiatives")] = 1,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[dict[str, Any]]:
    return Explorer(store, settings.base_iri).shared_initiatives(lead_only=lead_only, minimum=min_count, limit=limit)


@router.get("/agencies/{agency_id:path}/initiatives", response_model=list[InitiativeOut])
def agency_initiatives(store: StoreDep, settings: SettingsDep, agency_id: str) -> list[dict[str, Any]]:
    explorer = Explorer(store, settings.base_iri)
    _known(explorer, agency_id, "agency")
    return explorer.agency_initiatives(agency_id)


@router.get("/agencies/{agency_id:path}/platforms", response_model=list[PlatformUse])
def agency_platforms(store: StoreDep, settings: SettingsDep, agency_id: str) -> list[dict[str, Any]]:
    explorer = Explorer(store, settings.base_iri)
    _known(explorer, agency_id, "agency")
    return explorer.agency_platforms(agency_id)


@router.get("/platforms/{platform_id:path}/agencies", response_model=list[PlatformUse])
def platform_agencies(store: StoreDep, settings: SettingsDep, platform_id: str) -> list[dict[str, Any]]:
    explorer = Explorer(store, settings.base_iri)
    _known(explorer, platform_id, "platform")
    return explorer.platform_agencies(platform_id)


@router.get("/documents", response_model=list[DocumentSummary])
def documents(store: StoreDep, settings: SettingsDep) -> list[dict[str, Any]]:
    return Explorer(store, settings.base_iri).documents()


@router.get("/documents/{document_id:path}", response_model=DocumentOut, summary="Text, outline, extractions")
def document(store: StoreDep, settings: SettingsDep, document_id: str) -> dict[str, Any]:
    found = Explorer(store, settings.base_iri).document(document_id)
    if found is None:
        raise Problem(404, "No such document", f"no document {document_id}")
    return found
