"""Actor mentions from the knowledge base: names the small model's NER misses or mislabels.

The ``kg_kb_actors`` component (after ``kg_headlines``, before ``kg_statements``) looks up
runs of capitalized tokens in a table of the KB's names (:class:`AliasTable`, read through
:func:`kg.link.kb.read_aliases`) and corrects ``doc.ents``:

* **adds** an entity where the NER has none, or only a non-actor label (DATE, LOC,
  WORK_OF_ART, ...): "Doctors Without Borders", "Cyprus" tagged LOC, a KB person the
  NER left unlabelled;
* **relabels** an actor entity whose NER label contradicts the KB, when every KB entity with
  that exact name is of one kind and no title or honorific stands before it: "Boko Haram"
  or "Kismayo" labelled PERSON become ORG and GPE (so a later "he" does not resolve to them);
* **clips** the prepositions and adverbs an actor entity starts with ("Beyond Ukraine" as
  PERSON is "Ukraine": :func:`clip_leading_particles`);
* **splits** an entity after a title's preposition that starts with a KB country or
  organization the NER ran into a person's name ("Coordinator for Myanmar Andrew Kirkwood"
  -> GPE "Myanmar" + PERSON "Andrew Kirkwood"; "Ambassador to the UN Kelly Craft").

Guards against common words: the table keeps only names whose words are all capitalized
(function words aside: "Economic Community of West African States"); a one-word name must be
tagged a proper noun (or be an acronym in capitals that is not a short English word such
as "IS"), and months and weekdays never match.  The NER's own labels win whenever the KB
is ambiguous.

Cost: the table is a ``dict`` from name to label, so matching is a few dictionary lookups per
capitalized token, whatever the size of the KB.  Building the table reads the whole KB
file (about 0.5 s for 40,000 names, linear in the KB's size), so the table is cached
as a JSON file in kg's cache folder (:func:`kg.config.cache_dir`, env ``KG_CACHE``),
keyed by the KB file's path, size and modification time; a cache hit loads in tens of
milliseconds, also for a KB four times larger.  An unwritable cache folder only costs
the rebuild.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.config import cache_dir
from kg.extract.lexicon import load_lexicon
from kg.extract.syntax import ACTOR_ENTS

log = logging.getLogger("kg.extract")

#: Bump when the table's content rules change (invalidates cached tables).
TABLE_VERSION = 3
#: Longest name looked up, in tokens.
MAX_TOKENS = 8
#: NER label for each KB entity kind.
KIND_LABEL = {"country": "GPE", "city": "GPE", "person": "PERSON", "organization": "ORG", "armed_group": "ORG",
              "media": "ORG", "group": "NORP"}
#: Words that may stay lower-case inside a name ("Doctors Without Borders" has none,
#: "Economic Community of West African States" has one).
NAME_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "de", "del", "la", "le", "du", "des", "al", "el", "bin",
                                 "van", "von", "der", "da", "do", "dos", "on", "in", "y", "&"})
#: Upper-case words that are also English words: never a name by themselves
#: (as :data:`kg.link.kb.AMBIGUOUS_SHORT`).
SHORT_WORDS = frozenset("IS AS IT IN ON OR TO AT BE NO SO AN IF OF BY DO GO HE ME MY UP WE AM PM OK A I".split())
_WORD = re.compile(r"[^\s\-]+")
_FIRST = re.compile(r"[\s\-’']")


def _name_ok(text: str, not_names: frozenset[str]) -> bool:
    """A KB name usable as a case-sensitive pattern: every word capitalized or a
    function word, the first word capitalized, not a month or weekday, not a short word."""
    words = _WORD.findall(text)
    if not words or not words[0][:1].isupper():
        return False
    if len(words) == 1:
        w = words[0]
        if w.lower().rstrip(".") in not_names or w.upper() in SHORT_WORDS or len(w) < 2:
            return False
    for w in words:
        if not (w[:1].isupper() or w[:1].isdigit() or w.lower() in NAME_FUNCTION_WORDS):
            return False
    return True


@dataclass(slots=True)
class AliasTable:
    """KB names -> NER label; ``""`` for a name of entities of different kinds (ambiguous).

    :param labels: name as written -> "PERSON" | "ORG" | "GPE" | "NORP" | "".
    :param countries: the names of countries among them (labels, official names, PETRARCH spellings).
    :param firsts: first words of the names (also before a hyphen: "Guinea-Bissau" starts with the
        token "Guinea"); a token that starts no name is skipped with one set lookup.
    """

    labels: dict[str, str]
    countries: frozenset[str] = frozenset()
    firsts: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.firsts:
            self.firsts = frozenset(w for name in self.labels for w in {name.split()[0], _FIRST.split(name)[0]}
                                    if _capitalized(w))

    @classmethod
    def from_aliases(cls, aliases: Iterable[tuple[str, str, str, float]], not_names: frozenset[str]) -> "AliasTable":
        """Build from ``(text, alias_kind, entity_kind, popularity)`` tuples
        (:class:`kg.link.kb.Alias`); names failing :func:`_name_ok` are left out."""
        labels: dict[str, str] = {}
        countries: set[str] = set()
        for text, alias_kind, kind, _pop in aliases:
            label = "NORP" if alias_kind == "demonym" else KIND_LABEL.get(kind)
            text = " ".join(text.split())
            if label is None or not _name_ok(text, not_names):
                continue
            old = labels.get(text)
            labels[text] = label if old is None or old == label else ""
            if kind == "country" and alias_kind in ("label", "name", "petrarch"):
                countries.add(text)
        return cls(labels, frozenset(countries))

    def write(self, path: Path) -> None:
        """Write the table as a JSON object (atomic: a temporary file, then rename)."""
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"format": f"kg alias table {TABLE_VERSION}", "labels": self.labels,
                       "countries": sorted(self.countries), "firsts": sorted(self.firsts)}, fh, ensure_ascii=False)
        os.replace(tmp, path)

    @classmethod
    def read(cls, path: Path) -> "AliasTable":
        """Read a table written by :meth:`write`.

        :raises ValueError: when the file is not such a table.
        """
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        if not isinstance(doc, dict) or doc.get("format") != f"kg alias table {TABLE_VERSION}" or not isinstance(
                doc.get("labels"), dict):
            raise ValueError(f"{path}: not a kg alias table of version {TABLE_VERSION}")
        return cls(doc["labels"], frozenset(doc.get("countries", ())), frozenset(doc.get("firsts", ())))


def _cache_path(kb_path: Path) -> Path | None:
    folder = cache_dir("actors")
    try:
        st = kb_path.stat()
    except OSError:
        return None
    if folder is None:
        return None
    key = hashlib.sha1(f"{kb_path.resolve()}|{st.st_size}|{st.st_mtime_ns}|{TABLE_VERSION}".encode()).hexdigest()[:16]
    return folder / f"aliases-{key}.json"


def load_alias_table(kb_path: str | Path | None = None) -> AliasTable:
    """The alias table of a KB file (None: the KB bundled with kg), from the cache when it is there.

    :raises kg.errors.KnowledgeBaseError: (E040) when the KB file cannot be read.
    """
    from kg.link.kb import DEFAULT_KB_PATH, read_aliases  # noqa: PLC0415

    path = Path(kb_path) if kb_path else DEFAULT_KB_PATH
    cache = _cache_path(path)
    if cache is not None and cache.is_file():
        try:
            return AliasTable.read(cache)
        except (OSError, ValueError, UnicodeDecodeError):
            pass  # a broken or old cache file: rebuild it
    words = load_lexicon().words
    not_names = words.months | words.weekdays | words.month_abbreviations
    table = AliasTable.from_aliases(read_aliases(path), not_names)
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            table.write(cache)
        except OSError as exc:
            log.debug("alias table not cached (%s)", exc)
    return table


def _core(ent: Span) -> tuple[int, int]:
    """Token range of an entity without a leading "the" and a trailing possessive."""
    start, end = ent.start, ent.end
    if end - start > 1 and ent.doc[start].lower_ == "the":
        start += 1
    if end - start > 1 and ent.doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return start, end


def _capitalized(text: str) -> bool:
    return text[:1].isupper() or (text[:1].isdigit() and len(text) > 1)


#: ``doc.user_data`` key of the token ranges ``[start, end]`` of the names the KB knows as actors (of one kind or several)
#: (read by :func:`kg.extract.mentions.kb_known`).
KB_SPANS_KEY = "kg_kb_spans"
#: Parts of speech that never start an actor's name: "Beyond Ukraine, ..." tagged PERSON is "Ukraine".
LEADING_NON_NAME_POS = frozenset({"ADP", "ADV", "SCONJ", "CCONJ"})


def clip_leading_particles(doc: Doc) -> list[Span]:
    """``doc.ents`` with the leading prepositions, adverbs and conjunctions of actor entities
    cut off ("Beyond Ukraine" as PERSON -> "Ukraine", "Also Reuters" -> "Reuters"); an entity
    that is nothing but such words is dropped.  A capitalized word tagged a proper noun stays
    ("Doctors Without Borders" starts with a noun anyway).

    :returns: the new entity list (the doc is not changed).
    """
    out: list[Span] = []
    for e in doc.ents:
        start = e.start
        if e.label_ in ACTOR_ENTS:
            while start < e.end and doc[start].pos_ in LEADING_NON_NAME_POS:
                start += 1
        if start == e.start:
            out.append(e)
        elif start < e.end:
            out.append(Span(doc, start, e.end, label=e.label_))
    return out


class KBActorTagger:
    """The ``kg_kb_actors`` component (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, kb_path: str | None = None) -> None:
        self.name = name
        self.kb_path = kb_path
        self.table = load_alias_table(kb_path)
        # first words of the names (also before a hyphen: "Guinea-Bissau" starts with the token "Guinea"):
        # a token that starts no name is skipped with one set lookup
        self._firsts = self.table.firsts
        lex = load_lexicon()
        self._agents = frozenset(lex.agents)
        self._titles = frozenset(n for n in lex.agents if lex.is_title(n)) | lex.words.courtesy_titles | \
            lex.words.male_honorifics | lex.words.female_honorifics

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` of the longest KB names in ``doc``, left to right, not overlapping."""
        labels = self.table.labels
        firsts = self._firsts
        words = [t.text for t in doc]
        spaces = [t.whitespace_ for t in doc]
        out: list[tuple[int, int, str]] = []
        n = len(words)
        i = 0
        while i < n:
            if words[i] not in firsts:
                i += 1
                continue
            found = None
            text = words[i]
            texts = [text]  # texts[k]: the name of tokens i .. i+k
            for j in range(i + 1, min(n, i + MAX_TOKENS)):
                text = text + spaces[j - 1] + words[j]
                texts.append(text)
            for k in range(len(texts) - 1, -1, -1):
                last = words[i + k]
                if not last[-1:].isalnum() and last != ".":
                    continue
                label = labels.get(texts[k])
                if label is None:
                    continue
                if k == 0 and not self._one_word_ok(doc[i]):
                    continue
                found = (i, i + k + 1, label)
                break
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found[1]
        return out

    @staticmethod
    def _one_word_ok(tok) -> bool:
        if tok.text.isupper() and len(tok.text) >= 2:
            return tok.text not in SHORT_WORDS
        return tok.pos_ == "PROPN"

    def _titled(self, doc: Doc, start: int) -> bool:
        prev = doc[start - 1] if start > 0 else None
        return prev is not None and prev.lower_.rstrip(".") in self._titles

    def __call__(self, doc: Doc) -> Doc:
        ents = clip_leading_particles(doc)
        if len(ents) != len(doc.ents) or any(a.start != b.start for a, b in zip(ents, doc.ents)):
            doc.set_ents(ents, default="outside")
        owner: list[int] = [-1] * len(doc)  # token -> index into ents
        for k, e in enumerate(ents):
            for t in range(e.start, e.end):
                owner[t] = k
        replace: dict[int, list[Span]] = {}  # ent index -> spans that take its place
        add: list[Span] = []
        found = self.matches(doc)
        doc.user_data[KB_SPANS_KEY] = [[start, end] for start, end, _label in found]
        for start, end, label in found:
            # a longer capitalized name the KB does not know ("Kim Jong Un" around "Kim"): leave it
            if end < len(doc) and doc[end].pos_ == "PROPN" and _capitalized(doc[end].text) and doc[end].ent_type_ in ("", *ACTOR_ENTS) \
                    and owner[end] == -1:
                continue
            hit = {owner[t] for t in range(start, end)} - {-1}
            if not hit:
                if label:
                    add.append(Span(doc, start, end, label=label))
                continue
            if len(hit) != 1:
                continue
            k = next(iter(hit))
            e = ents[k]
            es, ee = _core(e)
            if e.label_ not in ACTOR_ENTS:
                # a name the NER gave a non-actor label ("Cyprus" as LOC, "the Boko Haram" as FAC):
                # the KB's label, when the entity lies inside the name
                if label and start <= es and ee <= end:
                    replace[k] = [Span(doc, min(start, e.start), max(end, e.end), label=label)]
                continue
            if (es, ee) == (start, end):
                if label and label != e.label_ and not self._titled(doc, e.start) and not (
                        {label, e.label_} <= {"GPE", "NORP"}):
                    replace[k] = [Span(doc, e.start, e.end, label=label)]
                continue
            if label and start <= es and ee <= end:
                # the KB's name holds the NER's ("Doctors Without Borders" around "Without Borders")
                replace[k] = [Span(doc, min(start, e.start), max(end, e.end), label=label)]
                continue
            if e.label_ in ("PERSON", "ORG") and label in ("GPE", "ORG") and start == es and e.end - end >= 2 and all(
                    doc[t].pos_ == "PROPN" and _capitalized(doc[t].text) and doc[t].lower_ not in self._agents
                    for t in range(end, e.end)) and (label == "ORG" or doc[start:end].text in self.table.countries) \
                    and e.start > 0 and (doc[e.start - 1].pos_ == "ADP" or doc[e.start - 1].lower_ in self._titles):
                # "Coordinator for Myanmar Andrew Kirkwood", "Ambassador to the UN Kelly Craft": a country or
                # organization after a title's preposition, run into the person's name
                replace[k] = [Span(doc, e.start, end, label=label), Span(doc, end, e.end, label="PERSON")]
        if not replace and not add:
            return doc
        new: list[Span] = []
        for k, e in enumerate(ents):
            new.extend(replace.get(k, [e]))
        taken = {t for s in new for t in range(s.start, s.end)}
        for s in add:
            if not any(t in taken for t in range(s.start, s.end)):
                new.append(s)
                taken.update(range(s.start, s.end))
        doc.set_ents(sorted(new, key=lambda s: s.start), default="outside")
        return doc

    def to_disk(self, path: str | Path, *, exclude: object = ()) -> None:
        """Nothing to save: the table is rebuilt (or read from the cache) from the KB file."""

    def from_disk(self, path: str | Path, *, exclude: object = ()) -> "KBActorTagger":
        return self
