"""The stored-query catalog: ``queries/*.rq`` with headers, parameters bound as RDF terms.

A stored query is a SPARQL file whose first lines are a comment header::

    # title: Who accused whom
    # description: Accusations (ACCUSE) made, with actor, target and counts.
    #   Indented comment lines continue the previous field.
    # param: actor | actor | | Actor name or QID (optional)
    # param: limit | integer | 100 | Maximum number of rows
    # example: kg query who-accused-whom --param actor="Hossein Dehqan"

``param`` fields are ``name | kind | default | help``; an empty default means
the parameter is optional and unset by default.  Kinds (:data:`KINDS`):
``string``, ``actor``, ``type`` (one of the 18 statement types, or several
separated by commas), ``date`` (ISO ``YYYY-MM-DD``), ``integer`` and ``iri``.

Placeholders (comment lines, so the raw file is runnable SPARQL as is):

* ``#@values NAME [?VAR]`` -- inside a group (normally first in ``WHERE``):
  replaced by ``VALUES ?VAR { term ... }`` (``?VAR`` defaults to ``?NAME``)
  when the parameter has a value, left as a comment when it is unset.
* ``#@limit NAME`` -- replaced by ``LIMIT n`` (an int-validated integer).

Values are never pasted into the query: each is written as a term by kg's one
SPARQL term writer (:mod:`kg.sparql_terms`), which escapes quotes, backslashes
and newlines in literals and rejects IRIs holding characters that cannot occur
in an IRI.  For ``actor``
parameters a ``resolve_actor`` callable (the CLI's, which asks the store for
actor names and uses :func:`match_actor_names`) maps the user's text to actor
IRIs; without it a QID maps to the linked actor IRI and a name to the
unlinked-actor IRI of its slug (:func:`kg.rdf.build.actor_iri`), which finds
unlinked organisations, countries and groups but not unlinked persons (one
actor per article, ``{ID}article/{key}/actor/{slug}``): pass a resolver, as the
CLI and ``kg serve`` do, to find those by name.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import kg
from kg import sparql_terms
from kg.errors import Msg, QueryError, UsageError
from kg.model import StatementType, slugify
from kg.rdf.namespaces import ID_BASE, KGT_BASE

# rapidfuzz and kg.names (unidecode) are imported where actor names are matched, and no
# rdflib at all: `kg query --list` and most queries need neither (start-up, issue 17).

__all__ = [
    "KINDS",
    "QUERIES_DIR",
    "Param",
    "StoredQuery",
    "Catalog",
    "query_dirs",
    "parse_query_file",
    "match_actor_names",
    "store_actor_resolver",
    "run_stored",
    "query_text",
    "edge_form",
]

#: The repository's stored queries.
QUERIES_DIR = Path(kg.__file__).resolve().parent.parent / "queries"

#: Parameter kinds and what they accept.
KINDS: dict[str, str] = {
    "string": "any text",
    "actor": "an actor name or Wikidata QID",
    "type": "a statement type (" + ", ".join(t.value for t in StatementType) + "), or several separated by commas",
    "date": "an ISO date YYYY-MM-DD",
    "integer": "a whole number",
    "iri": "an absolute IRI",
}

_FIELDS = ("title", "description", "param", "example")
_HEADER_LINE = re.compile(r"^#\s?(\w+):\s*(.*)$")
_PLACEHOLDER = re.compile(r"^(?P<indent>\s*)#@(?P<op>values|limit)\s+(?P<name>\w+)(?:\s+\?(?P<var>\w+))?\s*$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_QID = re.compile(r"^[Qq]([1-9][0-9]*)$")

ActorResolver = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class Param:
    """A query parameter: ``name``, ``kind`` (a key of :data:`KINDS`),
    ``default`` (None when optional and unset) and ``help``."""

    name: str
    kind: str
    default: str | None
    help: str


@dataclass(frozen=True, slots=True)
class StoredQuery:
    """A stored query: its header fields, parameters, raw SPARQL text and file."""

    name: str
    title: str
    description: str
    params: list[Param]
    example: str
    text: str
    path: Path
    placeholders: dict[str, list[str]] = field(default_factory=dict)

    @property
    def form(self) -> str:
        """``SELECT``, ``CONSTRUCT``, ``ASK`` or ``DESCRIBE`` (first keyword after the prologue)."""
        body = re.sub(r"#[^\n]*", "", self.text)
        body = re.sub(r"(?is)\b(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)", "", body)
        m = re.search(r"(?i)\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", body)
        return m.group(1).upper() if m else "SELECT"

    def param(self, name: str) -> Param:
        """The parameter ``name``.

        :raises QueryError: Msg.E021 when the query has no such parameter.
        """
        for p in self.params:
            if p.name == name:
                return p
        raise QueryError(Msg.E021, name=self.name, param=name, choices=", ".join(p.name for p in self.params) or "none")

    def bind(self, values: dict[str, str] | None = None, resolve_actor: ActorResolver | None = None) -> str:
        """The SPARQL text with ``values`` (and defaults) bound as RDF terms.

        :param values: parameter name -> the user's text.
        :param resolve_actor: maps an actor name/QID to actor IRIs (may be empty:
            then the query matches nothing for that parameter).
        :returns: the query text, ready for any SPARQL 1.1 engine.
        :raises QueryError: Msg.E021 for an unknown parameter, Msg.E022 for a
            value that does not fit its kind.
        """
        values = dict(values or {})
        for name in values:
            self.param(name)
        terms: dict[str, list[str]] = {}
        for p in self.params:
            raw = values.get(p.name, p.default)
            if raw is None or (raw == "" and p.kind != "string"):
                continue
            terms[p.name] = self._terms(p, raw, resolve_actor)
        out = []
        for line in self.text.splitlines():
            m = _PLACEHOLDER.match(line)
            if not m or m.group("name") not in terms:
                out.append(line)
                continue
            indent, name = m.group("indent"), m.group("name")
            if m.group("op") == "limit":
                out.append(f"{indent}LIMIT {terms[name][0]}")
            else:
                var = m.group("var") or name
                out.append(f"{indent}VALUES ?{var} {{ {' '.join(terms[name])} }}")
        return "\n".join(out) + "\n"

    def _fail(self, p: Param, reason: str) -> QueryError:
        return QueryError(Msg.E022, name=self.name, param=p.name, reason=reason)

    def _terms(self, p: Param, raw: str, resolve_actor: ActorResolver | None) -> list[str]:
        raw = str(raw)
        if p.kind == "string":
            return [sparql_terms.literal(raw)]
        if p.kind == "integer":
            try:
                number = int(raw.strip())
            except ValueError:
                raise self._fail(p, f"must be a whole number, got {raw!r}"[:200]) from None
            if number < 0 and "limit" in self.placeholders.get(p.name, []):
                raise self._fail(p, f"is a LIMIT and must be 0 or more, got {number}")
            return [sparql_terms.integer(number)]
        if p.kind == "date":
            try:
                day = date.fromisoformat(raw.strip())
            except ValueError:
                raise self._fail(p, f"must be an ISO date YYYY-MM-DD, got {raw!r}") from None
            return [sparql_terms.literal(day.isoformat(), datatype=sparql_terms.XSD + "date")]
        if p.kind == "type":
            out = []
            for part in raw.split(","):
                key = part.strip().upper()
                if key not in StatementType.__members__:
                    raise self._fail(p, f"must be one of {', '.join(t.value for t in StatementType)}; got {part.strip()!r}")
                out.append(sparql_terms.iri(KGT_BASE + key))
            return out
        if p.kind == "iri":
            return [self._iri(p, raw.strip())]
        if p.kind == "actor":
            if resolve_actor is not None:
                iris = resolve_actor(raw)
            else:
                iris = [str(_default_actor_iri(raw))]
            return [self._iri(p, i) for i in iris]
        raise self._fail(p, f"has unknown kind {p.kind!r}")  # pragma: no cover - parse rejects it

    def _iri(self, p: Param, text: str) -> str:
        """``text`` as an IRI term (:func:`kg.sparql_terms.iri`: absolute, no character IRIs
        exclude, RFC 3987 per pyoxigraph), so the bound query always parses.

        :raises QueryError: E022 with the reason.
        """
        try:
            return sparql_terms.iri(text)
        except ValueError as exc:
            raise self._fail(p, str(exc)) from None


def _clean(text: str) -> str:
    """``text`` with lone surrogates (undecodable command-line bytes) replaced by U+FFFD."""
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def _default_actor_iri(text: str) -> str:
    """The actor IRI of a QID (``Q30`` -> ``actor/wd-Q30``), an actor IRI as is,
    else the unlinked-actor IRI of the name's slug."""
    value = text.strip()
    m = _QID.match(value)
    if m:
        return f"{ID_BASE}actor/wd-Q{m.group(1)}"
    if value.startswith(ID_BASE):
        return value
    return f"{ID_BASE}actor/name-{slugify(value)}"


# ------------------------------------------------------------------ parsing


def parse_query_file(path: Path) -> StoredQuery:
    """Read one ``.rq`` file.

    :raises QueryError: Msg.E023 (with the path) for a bad header: missing
        title or description, unknown field or kind, bad or duplicate
        parameter, a default that does not fit its kind, or a placeholder
        without a parameter (or the reverse).
    """

    def bad(reason: str) -> QueryError:
        return QueryError(Msg.E023, path=path, reason=reason)

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise bad(f"cannot read it ({err})") from None
    fields: dict[str, list[str]] = {k: [] for k in _FIELDS}
    last: str | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        if stripped.startswith("#@"):
            continue
        m = _HEADER_LINE.match(stripped)
        if m and m.group(1) in _FIELDS:
            last = m.group(1)
            fields[last].append(m.group(2).strip())
        elif m:
            raise bad(f"line {lineno}: unknown header field {m.group(1)!r} (use {', '.join(_FIELDS)})")
        elif stripped.lstrip("#").strip() and last in ("description", "example") and stripped.startswith("#  "):
            fields[last][-1] += " " + stripped.lstrip("#").strip()
        elif stripped.lstrip("#").strip():
            raise bad(f"line {lineno}: header lines are '# field: value' (or indented continuations)")
    if not fields["title"]:
        raise bad("no '# title:' line")
    if not fields["description"]:
        raise bad("no '# description:' line")
    params: list[Param] = []
    for spec in fields["param"]:
        parts = [x.strip() for x in spec.split("|")]
        if len(parts) != 4:
            raise bad(f"param {spec!r}: expected 'name | kind | default | help'")
        name, kind, default, help_ = parts
        if not _NAME.match(name):
            raise bad(f"param {name!r}: names are letters, digits and _")
        if kind not in KINDS:
            raise bad(f"param {name!r}: unknown kind {kind!r} (use {', '.join(KINDS)})")
        if any(p.name == name for p in params):
            raise bad(f"param {name!r} is declared twice")
        if not help_:
            raise bad(f"param {name!r} has no help text")
        params.append(Param(name, kind, default or None, help_))
    placeholders: dict[str, list[str]] = {}
    for line in text.splitlines():
        m = _PLACEHOLDER.match(line)
        if m:
            placeholders.setdefault(m.group("name"), []).append(m.group("op"))
        elif line.strip().startswith("#@"):
            raise bad(f"bad placeholder line {line.strip()!r} (use '#@values NAME [?VAR]' or '#@limit NAME')")
    declared = {p.name for p in params}
    if set(placeholders) - declared:
        raise bad(f"placeholder for undeclared param(s): {', '.join(sorted(set(placeholders) - declared))}")
    if declared - set(placeholders):
        raise bad(f"param(s) without a '#@values'/'#@limit' placeholder: {', '.join(sorted(declared - set(placeholders)))}")
    query = StoredQuery(
        name=path.stem,
        title=" ".join(fields["title"]),
        description=" ".join(fields["description"]),
        params=params,
        example=" ".join(fields["example"]),
        text=text,
        path=path,
        placeholders=placeholders,
    )
    for p in params:  # defaults must fit their kinds
        if p.default is not None:
            try:
                query._terms(p, p.default, lambda _: [ID_BASE])
            except QueryError as err:
                raise bad(f"param {p.name!r}: default {p.default!r} does not fit kind {p.kind!r} ({err})") from None
    return query


def query_dirs(given: Sequence[Path] = (), env_value: str = "", *, option: str = "--queries",
               env_name: str = "KG_QUERIES") -> list[Path]:
    """The folders of a catalog: :data:`QUERIES_DIR`, then the folders of ``env_value`` (the
    value of env ``env_name``, several separated by the OS path separator, ':' on Linux), then
    ``given`` (the ``option`` values); later folders override names of earlier ones.

    :raises kg.errors.UsageError: E031 (exit code 2) for a folder that does not exist or is a
        file, naming it and where it came from; nothing is run.
    """
    import os

    env = [(Path(p).expanduser(), env_name) for p in env_value.split(os.pathsep) if p.strip()]
    dirs = [QUERIES_DIR]
    for path, origin in [*env, *((Path(p), option) for p in given)]:
        if not path.is_dir():
            raise UsageError(Msg.E031, origin=origin, path=path,
                             reason="is a file, not a folder" if path.exists() else "no such folder")
        dirs.append(path)
    return dirs


class Catalog:
    """The stored queries of some folders (later folders override earlier names).

    A file with a bad header does not spoil the others: :meth:`list` leaves it out and
    :meth:`broken` returns its error (E023, naming the file); :meth:`get` of its name raises it.

    :param dirs: folders with ``*.rq`` files; default ``[QUERIES_DIR]``.
        User folders can be appended: ``Catalog([QUERIES_DIR, Path("my-queries")])``
        (:func:`query_dirs` checks that they exist); a folder that does not exist holds no query.
    """

    def __init__(self, dirs: Sequence[Path] | None = None) -> None:
        self.dirs = [Path(d) for d in (dirs if dirs is not None else [QUERIES_DIR])]

    def _files(self) -> dict[str, Path]:
        files: dict[str, Path] = {}
        for d in self.dirs:
            if d.is_dir():
                for path in sorted(d.glob("*.rq")):
                    files[path.stem] = path
        return files

    def _parse_all(self) -> tuple[list[StoredQuery], list[QueryError]]:
        good: list[StoredQuery] = []
        bad: list[QueryError] = []
        for _, path in sorted(self._files().items()):
            try:
                good.append(parse_query_file(path))
            except QueryError as exc:
                bad.append(exc)
        return good, bad

    def list(self) -> list[StoredQuery]:
        """The stored queries whose files parse, sorted by name (see :meth:`broken` for the others)."""
        return self._parse_all()[0]

    def broken(self) -> list[QueryError]:
        """The errors of the files that do not parse (Msg.E023 with the file's path, in
        ``.fields["path"]``), sorted by query name; ``[]`` when every file is good."""
        return self._parse_all()[1]

    def names(self) -> list[str]:
        """The names of the stored queries (file stems, broken files included), sorted."""
        return sorted(self._files())

    def get(self, name: str) -> StoredQuery:
        """The stored query ``name`` (file stem; a trailing ``.rq`` is ignored).

        :raises QueryError: Msg.E020 for an unknown name (with the closest stored name, by
            :func:`difflib.get_close_matches` at ratio 0.75, when there is one), Msg.E023 for a bad header.
        """
        key = name[:-3] if name.endswith(".rq") else name
        files = self._files()
        path = files.get(key)
        if path is None:
            close = difflib.get_close_matches(key.lower(), list(files), n=1, cutoff=0.75)
            raise QueryError(Msg.E020, name=name, hint=f" Did you mean {close[0]!r}?" if close else "")
        return parse_query_file(path)


# ------------------------------------------------------------ actor matching


def _token_match(q: str, n: str, level: int) -> bool:
    """Word match at ``level`` 0 (equal), 1 (same :func:`kg.names.phonetic` key) or 2 (fuzzy
    phonetic key, words of 4+ letters)."""
    from rapidfuzz import fuzz

    from kg.names import phonetic

    if level == 0:
        return q == n
    sq, sn = phonetic(q), phonetic(n)
    if level == 1:
        return sq == sn
    return len(q) >= 4 and len(n) >= 4 and fuzz.ratio(sq, sn) >= 88


def match_actor_names(
    query: str,
    candidates: Iterable[tuple[str, str, str | None]],
    *,
    threshold: float = 85.0,
) -> list[str]:
    """The IRIs of the candidate actors that ``query`` names, best first.

    Forgiving, in tiers (the first tier with a match wins):

    1. a QID (``Q30``, any case) or an IRI: candidates with that QID or IRI;
    2. the whole name by kg's lookup key (:func:`kg.names.norm`: case, diacritics,
       punctuation, possessive, abbreviation dots and a leading "the" ignored:
       ``"hossein dehqan"``, ``"Hosseín Dehqán"``, ``"U.S."`` = ``"US"``);
    3. every word of the query matches a word of the name: exactly (surname
       ``"Dehqan"``), else by transliteration key (:func:`kg.names.phonetic`,
       ``"Dehghan"`` ~ ``"Dehqan"``), else by a fuzzy match of those keys
       (rapidfuzz ratio >= 88);
    4. rapidfuzz ``token_set_ratio`` of the folded names >= ``threshold``.

    :param query: the user's text.
    :param candidates: ``(iri, name, qid)`` tuples; pass aliases as extra
        tuples with the same IRI.
    :returns: distinct IRIs (tier 4 ordered by score, others by IRI); empty
        when nothing matches.
    """
    from rapidfuzz import fuzz

    from kg.names import norm, phonetic

    cands = [(str(i), str(n or ""), q) for i, n, q in candidates]
    text = query.strip()
    m = _QID.match(text)
    if m or sparql_terms.IRI_SCHEME.match(text):
        qid = f"Q{m.group(1)}" if m else None
        return sorted({i for i, _, q in cands if (qid and q == qid) or i == text})
    nq = norm(_clean(text))
    if not nq:
        return []
    normed = [(i, norm(_clean(n))) for i, n, _ in cands]
    exact = sorted({i for i, n in normed if n == nq})
    if exact:
        return exact
    qtokens = nq.split()
    for level in (0, 1, 2):
        tokens = sorted(
            {i for i, n in normed if n and all(any(_token_match(qt, nt, level) for nt in n.split()) for qt in qtokens)}
        )
        if tokens:
            return tokens
    scored: dict[str, float] = {}
    for i, n in normed:
        if not n:
            continue
        score = max(fuzz.token_set_ratio(nq, n), fuzz.token_set_ratio(" ".join(map(phonetic, qtokens)), " ".join(map(phonetic, n.split()))))
        if score >= threshold:
            scored[i] = max(scored.get(i, 0.0), score)
    return [i for i, _ in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))]


# ------------------------------------------------------------ store helpers

_CANDIDATES = (
    "PREFIX kg: <https://w3id.org/kg-news/ontology#>\n"
    "SELECT DISTINCT ?a ?name ?qid WHERE { GRAPH ?g { "
    "{ ?a kg:name ?name } UNION { ?a kg:mention ?m . ?m kg:text ?name } OPTIONAL { ?a kg:qid ?qid } } }"
)


def store_actor_resolver(store) -> ActorResolver:  # store: kg.store.base.Store
    """A ``resolve_actor`` for :meth:`StoredQuery.bind` that matches against a store's actors.

    Candidates are every actor's names and mention texts (aliases as written
    in the articles) with its QID, asked from ``store`` once, on first use;
    matching is :func:`match_actor_names`.  A QID that no actor in the store
    carries still maps to its linked-actor IRI (``Q794`` -> ``actor/wd-Q794``),
    so countries known only as an actor's ``kg:country`` are found.

    :param store: any :class:`kg.store.base.Store` (embedded or remote).
    :returns: a callable ``text -> [actor IRI, ...]`` (empty when nothing matches).
    """
    cache: list[tuple[str, str, str | None]] = []

    def resolve(value: str) -> list[str]:
        text = value.strip()
        if not cache and (_QID.match(text) or sparql_terms.IRI_SCHEME.match(text)):
            return _resolve_id(store, text)
        if not cache:
            rows = store.query(_CANDIDATES).rows
            cache.extend((str(r[0]), str(r[1]) if r[1] else "", str(r[2]) if r[2] else None) for r in rows)
        found = match_actor_names(value, cache)
        if not found and _QID.match(value.strip()):
            found = [str(_default_actor_iri(value))]
        return found

    return resolve


#: The candidates of :data:`_CANDIDATES` with one QID (``%s``: a literal) or one IRI (``VALUES ?a``).
_BY_QID = (
    "PREFIX kg: <https://w3id.org/kg-news/ontology#>\n"
    "SELECT DISTINCT ?a WHERE { GRAPH ?g { ?a kg:qid %s . "
    "{ ?a kg:name ?name } UNION { ?a kg:mention ?m . ?m kg:text ?name } } }"
)
_BY_IRI = (
    "PREFIX kg: <https://w3id.org/kg-news/ontology#>\n"
    "SELECT DISTINCT ?a WHERE { GRAPH ?g { VALUES ?a { %s } "
    "{ ?a kg:name ?name } UNION { ?a kg:mention ?m . ?m kg:text ?name } } }"
)


def _resolve_id(store, text: str) -> list[str]:
    """What :func:`match_actor_names` over all of :data:`_CANDIDATES` gives for a QID or an IRI (the
    candidates with that QID or IRI), asked with one query on the store's indexes instead of reading every
    actor name (which costs about a second at a million quads; issue 17)."""
    m = _QID.match(text)
    if m:
        qid = f"Q{m.group(1)}"
        found = sorted({str(r[0]) for r in store.query(_BY_QID % sparql_terms.literal(qid)).rows})
        return found or [str(_default_actor_iri(text))]
    try:
        term = sparql_terms.iri(text)
    except ValueError:
        return []
    return sorted({str(r[0]) for r in store.query(_BY_IRI % term).rows})


def run_stored(store, name: str, values: dict[str, str] | None = None, *, catalog: Catalog | None = None,
               resolve_actor: ActorResolver | None = None):
    """Bind and run the stored query ``name`` on ``store``.

    :param store: any :class:`kg.store.base.Store`.
    :param values: parameter name -> the user's text (see :meth:`StoredQuery.bind`).
    :param catalog: where to find the query (default: the repository's queries).
    :param resolve_actor: default :func:`store_actor_resolver` of ``store``.
    :returns: the :class:`kg.store.base.QueryResult`.
    :raises QueryError: E020-E023 (unknown query, bad parameters or header);
        store errors as the store raises them.
    """
    query = (catalog or Catalog()).get(name)
    text = query_text(store, query, values or {}, resolve_actor=resolve_actor or store_actor_resolver(store))
    return store.query(text)


#: The direct-edge forms of stored queries (same names, same parameters, same rows; kg/store/edges.py).
EDGES_DIR = QUERIES_DIR / "edges"


def edge_form(query: StoredQuery) -> StoredQuery | None:
    """The direct-edge form of one of the repository's stored queries (``queries/edges/NAME.rq``), or
    ``None`` (no such form, or ``query`` comes from another folder: a user's own query is run as written)."""
    if query.path.parent.resolve() != QUERIES_DIR:
        return None
    path = EDGES_DIR / query.path.name
    return parse_query_file(path) if path.is_file() else None


def query_text(store, query: StoredQuery, values: dict[str, str], *,
               resolve_actor: ActorResolver | None = None) -> str:
    """The SPARQL text to run ``query`` with ``values`` on ``store``: its direct-edge form
    (:func:`edge_form`) when the store's direct-edge graphs are complete
    (:func:`kg.store.edges.edges_ready`, one ASK), else the query as stored.

    :raises QueryError: as :meth:`StoredQuery.bind`.
    """
    form = edge_form(query)
    if form is not None:
        from kg.store.edges import edges_ready

        if edges_ready(store):
            query = form
    return query.bind(values, resolve_actor=resolve_actor)
