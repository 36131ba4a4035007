// The home page: search with suggestions, the documents, the agencies with the most initiatives,
// and downloads of the whole graph.
"use strict";

PK.start(async () => {
  PK.suggest(document.getElementById("q"));
  document
    .getElementById("exports")
    .append(
      PK.exportMenu([
        { key: "export.full", params: { view: "full" } },
        { key: "export.agencies", params: { view: "agencies" } },
        { key: "export.platforms", params: { view: "platforms" } },
      ]),
    );
  await Promise.all([documents(), agencies()]);
});

async function documents() {
  const list = document.getElementById("documents");
  let found;
  try {
    found = await PK.api("/api/documents");
  } catch (error) {
    PK.clear(list, PK.problemLine(error));
    return;
  }
  PK.clear(list, found.map(PK.documentItem));
}

// The agencies with the most initiatives (/api/analytics/agencies?top=N).
async function agencies() {
  const list = document.getElementById("agencies");
  let found;
  try {
    found = await PK.api("/api/analytics/agencies", { top: 10 });
  } catch (error) {
    PK.clear(list, PK.problemLine(error));
    return;
  }
  PK.clear(
    list,
    found.map((agency) =>
      PK.el(
        "li",
        { data: { entity: agency.id } },
        PK.entityLink(agency.id, agency.label),
        PK.el(
          "div",
          { class: "muted" },
          PK.t("home.agencies.initiatives", { count: agency.initiatives }),
          " · ",
          PK.t("home.agencies.leads", { count: agency.lead_load }),
          " · ",
          PK.t("home.agencies.partners", { count: agency.degree }),
        ),
      ),
    ),
  );
  window.addEventListener("pk:language", () => agencies(), { once: true });
}
