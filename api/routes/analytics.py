"""Analytics: agencies that share initiatives, agencies ranked in the co-responsibility network,
an agency's initiatives and platforms, a platform's agencies, and documents with their outline
and extractions. The export routes (:mod:`api.routes.export`) are served with these."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api import operations
from api.deps import ExplorerDep, RemoteExplorer, SettingsDep, StoreDep
from api.models import AgencyStanding, DocumentOut, DocumentSummary, InitiativeOut, PlatformUse, SharedPair
from api.problems import Problem, problem_responses
from api.routes import export

__all__ = ["router"]

router = APIRouter(tags=["Analytics"], responses=problem_responses(422, 503))
router.include_router(export.router)
_UNKNOWN = problem_responses(404)
_DocumentFilter = Annotated[
    str | None,
    Query(description="only this document: its id (document/plan.txt, as /api/documents lists) or file name"),
]
_JurisdictionFilter = Annotated[
    str | None,
    Query(description="only documents issued for this jurisdiction: its code (350000) or a name (福建省, 福建)"),
]
_YearFilter = Annotated[int | None, Query(description="only documents of this year (issued, else signed)")]


async def _ask_of(explorer: RemoteExplorer, entity_id: str, kind: str, question: str) -> Any:
    """The answer to *question* about *entity_id*, once it is known to be a *kind*; 404 otherwise."""
    if await explorer.ask("kind", entity_id) != kind:
        raise Problem(404, f"No such {kind}", f"no {kind} {entity_id}")
    return await explorer.ask(question, entity_id)


@router.get("/analytics/shared-initiatives", response_model=list[SharedPair], summary="Agency pairs sharing items")
async def shared_initiatives(
    explorer: ExplorerDep,
    lead_only: Annotated[bool, Query(description="count only initiatives both agencies lead")] = False,
    min_count: Annotated[int, Query(ge=1, description="least number of shared initiatives")] = 1,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    document: _DocumentFilter = None,
    jurisdiction: _JurisdictionFilter = None,
    year: _YearFilter = None,
    per_pair: Annotated[
        int,
        Query(
            ge=0,
            le=10_000,
            description="how many of each pair's initiatives to list, the first by id (which starts with the "
            "document's); `shared` counts them all",
        ),
    ] = 20,
) -> list[dict[str, Any]]:
    return await explorer.ask(  # type: ignore[no-any-return]
        "shared_initiatives",
        per_pair=per_pair,
        lead_only=lead_only,
        minimum=min_count,
        limit=limit,
        document=document,
        jurisdiction=jurisdiction,
        year=year,
    )


@router.get(
    "/analytics/agencies",
    response_model=list[AgencyStanding],
    summary="Agencies ranked in the co-responsibility network",
    description="The agencies joined by the initiatives they share, the most connected first (weighted degree, "
    "then betweenness, then label), with their centralities, community and lead load.",
)
async def agencies(
    store: StoreDep,
    settings: SettingsDep,
    top: Annotated[int, Query(ge=1, le=1000, description="how many agencies")] = 20,
    document: _DocumentFilter = None,
    jurisdiction: _JurisdictionFilter = None,
    year: _YearFilter = None,
) -> list[dict[str, Any]]:
    return await store.run(  # type: ignore[no-any-return]
        operations.agency_standings, settings.base_iri, top, document, jurisdiction, year
    )


@router.get("/agencies/{agency_id:path}/initiatives", response_model=list[InitiativeOut], responses=_UNKNOWN)
async def agency_initiatives(explorer: ExplorerDep, agency_id: str) -> list[dict[str, Any]]:
    return await _ask_of(explorer, agency_id, "agency", "agency_initiatives")  # type: ignore[no-any-return]


@router.get("/agencies/{agency_id:path}/platforms", response_model=list[PlatformUse], responses=_UNKNOWN)
async def agency_platforms(explorer: ExplorerDep, agency_id: str) -> list[dict[str, Any]]:
    return await _ask_of(explorer, agency_id, "agency", "agency_platforms")  # type: ignore[no-any-return]


@router.get("/platforms/{platform_id:path}/agencies", response_model=list[PlatformUse], responses=_UNKNOWN)
async def platform_agencies(explorer: ExplorerDep, platform_id: str) -> list[dict[str, Any]]:
    return await _ask_of(explorer, platform_id, "platform", "platform_agencies")  # type: ignore[no-any-return]


@router.get("/documents", response_model=list[DocumentSummary])
async def documents(explorer: ExplorerDep) -> list[dict[str, Any]]:
    return await explorer.ask("documents")  # type: ignore[no-any-return]


@router.get(
    "/documents/{document_id:path}",
    response_model=DocumentOut,
    responses=_UNKNOWN,
    summary="Text, outline, extractions",
)
async def document(explorer: ExplorerDep, document_id: str) -> dict[str, Any]:
    found = await explorer.ask("document", document_id)
    if found is None:
        raise Problem(404, "No such document", f"no document {document_id}")
    return found  # type: ignore[no-any-return]
