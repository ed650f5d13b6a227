"""Shared helpers for the HTML view tests: hand-made graphs and a headless Chromium.

Not a conftest (pytest does not load it by itself); the test modules import from it.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

import networkx as nx

from graph.build import build_graph
from graph.records import ArticleMentions, ArticleMeta, EntityInfo, Mention

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

SCRIPT_TAG = "<script>window.__pwned=1</script>"
IMG_TAG = '<img src=x onerror="window.__pwned=1">'
JS_LINK = '<a href="javascript:window.__pwned=1">lire la suite</a>'
JS_URL = "javascript:window.__pwned=1"
CLOSE_SCRIPT = "</script><script>window.__pwned=1</script><!--"
SVG_TAG = "<svg onload=\"window.__pwned=1\"></svg>"
QUOTES = "l'\"Hydre\" d’Azurie & cie"

#: Every hostile string the payload graph carries somewhere.
PAYLOADS = (SCRIPT_TAG, IMG_TAG, JS_LINK, JS_URL, CLOSE_SCRIPT, SVG_TAG, QUOTES)


def _doc(aid: str, title: str, date: str | None, sentences: list[str],
         mentions: list[tuple[str, str, str, str, int]]) -> ArticleMentions:
    """One article; ``mentions`` are (entity, label, type, surface text, sentence)."""
    return ArticleMentions(
        ArticleMeta(aid, title, date),
        sentences,
        [Mention(aid, ent, label, etype, text, 0, len(text), sent)
         for ent, label, etype, text, sent in mentions],
    )


def state_sentence_docs(rows: list[tuple[str, str | None, list[str]]], *, ending: str = ".",
                        title: str = "{}", inferred: frozenset[str] = frozenset(),
                        ) -> list[ArticleMentions]:
    """One article per (id, date, state ids) row, whose one sentence names the states in
    order ("Azurie et Brumeland" + ``ending``); ``title`` is formatted with the id, and
    the ids in ``inferred`` have an inferred date."""
    docs = []
    for art, when, names in rows:
        text = " et ".join(n.capitalize() for n in names) + ending
        mentions, pos = [], 0
        for n in names:
            start = text.index(n.capitalize(), pos)
            pos = start + len(n)
            mentions.append(Mention(art, n, n.capitalize(), "state", n.capitalize(), start,
                                    pos, 0))
        docs.append(ArticleMentions(ArticleMeta(art, title.format(art), when,
                                                date_inferred=art in inferred),
                                    [text], mentions))
    return docs


def small_docs() -> list[ArticleMentions]:
    """A tiny invented corpus: Azurie, Brumeland, their ministers and an armed group."""
    azurie = ("azurie", "République d'Azurie", "state")
    brume = ("brumeland", "Brumeland", "state")
    min_a = ("marchetti", "Élodie Marchetti", "official")
    min_b = ("kessler", "Otto Kessler", "official")
    group = ("hydre", "Front de l'Hydre", "group")
    person = ("dupuis", "Anaïs Dupuis", "person")

    def m(actor: tuple[str, str, str], text: str, sent: int) -> tuple[str, str, str, str, int]:
        return (actor[0], actor[1], actor[2], text, sent)

    return [
        _doc("art-1", "Accord de pêche entre Azurie et Brumeland", "2023-05-04", [
            "L'Azurie et le Brumeland ont signé un accord de pêche à Port-Lune.",
            "Élodie Marchetti, ministre azuréenne, a salué un texte équilibré.",
        ], [m(azurie, "L'Azurie", 0), m(brume, "Brumeland", 0), m(min_a, "Élodie Marchetti", 1),
            m(azurie, "azuréenne", 1)]),
        _doc("art-2", "Tensions à la frontière", "2023-06-11", [
            "Le Front de l'Hydre a revendiqué une attaque près de la frontière azuréenne.",
            "Otto Kessler a promis une réponse ferme du Brumeland.",
        ], [m(group, "Front de l'Hydre", 0), m(azurie, "azuréenne", 0), m(min_b, "Otto Kessler", 1),
            m(brume, "Brumeland", 1)]),
        _doc("art-3", "Une médiatrice entre deux capitales", "2023-07-20", [
            "La journaliste Anaïs Dupuis a interrogé Élodie Marchetti sur l'accord.",
            "Selon elle, l'Azurie et le Brumeland restent des partenaires.",
        ], [m(person, "Anaïs Dupuis", 0), m(min_a, "Marchetti", 0), m(azurie, "l'Azurie", 1),
            m(brume, "Brumeland", 1)]),
    ]


SMALL_ENTITIES = {
    "marchetti": EntityInfo("marchetti", "Élodie Marchetti", "official",
                            role="ministre des Affaires étrangères", affiliation="Azurie"),
    "kessler": EntityInfo("kessler", "Otto Kessler", "official", role="ministre de la Défense",
                          affiliation="Brumeland"),
}


def small_graph() -> nx.Graph:
    """Six actors of four types over three dated articles."""
    return build_graph(small_docs(), SMALL_ENTITIES, title="Azurie et Brumeland")


def payload_docs() -> list[ArticleMentions]:
    """Articles whose names, aliases, titles and sentences are hostile markup."""
    evil_group = ("evil-group", f"Groupe {SCRIPT_TAG}", "group")
    evil_person = ("evil-person", CLOSE_SCRIPT, "person")
    state = ("azurie", "Azurie", "state")
    official = ("evil-official", f"Ministre {SVG_TAG}", "official")

    def m(actor: tuple[str, str, str], text: str, sent: int) -> tuple[str, str, str, str, int]:
        return (actor[0], actor[1], actor[2], text, sent)

    return [
        _doc("evil-1", f"Titre {SCRIPT_TAG} {IMG_TAG}", "2024-01-15", [
            f"Le {IMG_TAG} a rencontré l'Azurie {SCRIPT_TAG}.",
            f"{CLOSE_SCRIPT} {JS_LINK} et {QUOTES}.",
        ], [m(evil_group, IMG_TAG, 0), m(state, "Azurie", 0), m(evil_person, CLOSE_SCRIPT, 1),
            m(official, JS_LINK, 1)]),
        _doc("evil-2", f"{JS_LINK} {QUOTES}", "2024-02-01", [
            f"{QUOTES} : {JS_URL} {SVG_TAG}",
        ], [m(evil_group, QUOTES, 0), m(official, SVG_TAG, 0), m(state, "Azurie", 0)]),
    ]


PAYLOAD_ENTITIES = {
    "evil-official": EntityInfo("evil-official", f"Ministre {SVG_TAG}", "official",
                                role=f"ministre {IMG_TAG} \"des\" 'cultes'",
                                affiliation=JS_URL),
    "evil-group": EntityInfo("evil-group", f"Groupe {SCRIPT_TAG}", "group"),
}


def payload_graph() -> nx.Graph:
    """A graph full of markup that must only ever appear as text."""
    return build_graph(payload_docs(), PAYLOAD_ENTITIES, title=f"Essai {SCRIPT_TAG}")


def random_graph(n_nodes: int, n_edges: int, *, seed: int = 7,
                 evidence: int = 1) -> nx.Graph:
    """A random graph in our schema (labels, types, counts, evidence), for scale tests."""
    rng = random.Random(seed)
    types = ["state", "official", "person", "group"]
    syllables = ["ka", "lo", "mi", "ra", "te", "zu", "an", "bel", "dor", "fen", "gar", "sol"]
    g = nx.Graph()
    for i in range(n_nodes):
        name = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
        label = f"{name} {i}"
        mentions = max(1, int(rng.paretovariate(1.2)))
        g.add_node(f"n{i}", label=label, type=rng.choice(types), aliases=[label, name],
                   mentions=mentions, articles=max(1, mentions // 2), article_ids=[],
                   first_seen="2022-01-01", last_seen="2024-12-31")
    # Preferential-ish attachment so that degrees vary, like a real corpus.
    cumulative = list(accumulate(1.0 / (1 + i) ** 0.6 for i in range(n_nodes)))
    nodes = list(g.nodes)
    count = 0
    while count < n_edges:
        u, v = rng.choices(nodes, cum_weights=cumulative, k=2)
        if u == v:
            continue
        if g.has_edge(u, v):
            g.edges[u, v]["weight"] += 1
            continue
        ev = [{"article": f"a{rng.randint(0, 999)}", "title": f"Article {rng.randint(0, 999)}",
               "date": "2023-03-0" + str(rng.randint(1, 9)),
               "text": f"{g.nodes[u]['label']} a rencontré {g.nodes[v]['label']} hier."}
              for _ in range(evidence)]
        g.add_edge(u, v, weight=1, sentences=evidence, evidence=ev, article_ids=[])
        count += 1
    g.graph.update(title="Graphe aléatoire", articles=1000, date_min="2022-01-01",
                   date_max="2024-12-31", article_index={}, window="article")
    return g


# ----------------------------------------------------------------------------- browser


def chromium_available() -> bool:
    """Whether Debian's chromium and the Python Playwright package are both present."""
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        return False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass
class PageLog:
    """What a page did: requests made, console errors, page errors, dialogs."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        """No network request beyond the page itself, no error, no dialog."""
        assert self.blocked == [], f"requests left the page: {self.blocked}"
        assert all(u.startswith("file:") for u in self.requests), self.requests
        assert self.console_errors == [], self.console_errors
        assert self.page_errors == [], self.page_errors
        assert self.dialogs == [], self.dialogs


def open_page(browser: Any, path: Path, *, width: int = 1400,
              height: int = 900) -> tuple[Any, PageLog]:
    """Open ``path`` from file:// with every non-file request blocked; wait until drawn."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  service_workers="block")
    page = context.new_page()
    log = PageLog()

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            log.blocked.append(url)
            route.abort()

    page.route("**/*", route)
    page.on("request", lambda r: log.requests.append(r.url))
    page.on("console", lambda m: log.console_errors.append(m.text)
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: log.page_errors.append(str(e)))

    def dialog(d: Any) -> None:
        log.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(Path(path).resolve().as_uri())
    page.wait_for_function("window.actorgraph && window.actorgraph.ready === true",
                           timeout=30_000)
    return page, log


def launch(playwright: Any) -> Any:
    """Debian's chromium, headless, with the flags the project's CI uses."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def browser_session() -> Iterator[Any]:
    """Yield one headless chromium for a whole test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            yield browser
        finally:
            browser.close()
