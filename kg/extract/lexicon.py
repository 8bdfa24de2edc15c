"""Versioned rule data of the extractor: cues, content words and agent nouns.

The data live in ``kg/extract/data/*.tsv`` (tab-separated, ``#`` comments, one
header row), not in code, so that analysts can read and extend them:

* ``cues.tsv`` -- cue lemma or multi-word cue -> statement type prior
  (CAMEO 1.1b3 verb codebook cue words, PLOVER 0.7, ``../shared/docs/taxonomy.md``);
* ``content.tsv`` -- words of a reported clause that decide its type
  (wrongdoing -> ACCUSE, negated cooperation -> REJECT, ...);
* ``agents.tsv`` -- common nouns that name actors, with their CAMEO role code
  (from the PETRARCH2 agents dictionary, MIT licence);
* ``nouns.tsv`` -- noun cues ("condemnation", "call", "warning") and the light
  and receiving verbs around them ("issued a warning", "drew condemnation
  from X"), for :mod:`kg.extract.nominal` (CAMEO 1.1b3 noun forms of its cue verbs).

:class:`Lexicon` bundles the four; it is what the spaCy component saves with
``to_disk`` and loads with ``from_disk``.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.model import StatementType

DATA_DIR = Path(__file__).parent / "data"

#: Words that, as the second word of a multi-word cue, are particles or
#: prepositions of the verb ("call on", "rule out") rather than its object.
PARTICLES = frozenset(
    "on upon for to out with by off up down against about at into over".split()
)


@dataclass(frozen=True, slots=True)
class Cue:
    """One entry of the cue lexicon.

    :param text: the cue as written in the file ("call on", "hold talks").
    :param lemma: the head verb lemma ("call").
    :param particle: a particle or preposition that must accompany it ("on").
    :param obj: an object noun lemma that must accompany it ("talks" -> "talk").
    :param type: the statement type the cue signals.
    :param prior: confidence in [0, 1] that the cue alone signals ``type``.
    :param kind: ``"report"`` (reporting verb; the reported clause can raise
        the type) or ``"act"`` (speech-act verb; object/addressee is the target).
    """

    text: str
    lemma: str
    particle: str | None
    obj: str | None
    type: StatementType
    prior: float
    kind: str


@dataclass(frozen=True, slots=True)
class NounCue:
    """One noun cue of ``nouns.tsv``.

    :param lemma: the noun lemma ("condemnation").
    :param type: the statement type the noun signals when it has a speaker.
    :param prior: confidence in [0, 1] that the noun with a speaker signals ``type``.
    :param preps: prepositions whose objects are targets ("of", "against").
    :param slots: where the speaker may stand: ``poss``, ``from``, ``mod``, ``light``.
    :param strict: ``"no"`` (a speaker is enough), ``"yes"`` (the noun also needs a light
        verb, a complement or an actor target: a ``"phone call"`` is no appeal) or
        ``"as-negative"`` (only with a negative "as" phrase: "description of X as reckless").
    """

    lemma: str
    type: StatementType
    prior: float
    preps: frozenset[str]
    slots: frozenset[str]
    strict: str


@dataclass(slots=True)
class NominalCues:
    """Noun cues by lemma, and verbs around them by lemma -> ``"light"`` or ``"receive"``."""

    nouns: dict[str, NounCue] = field(default_factory=dict)
    verbs: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: Path) -> "NominalCues":
        """Read ``nouns.tsv``; an absent file (a lexicon saved before version 1) gives no noun cues.

        :raises KeyError: when a row names an unknown statement type.
        :raises ValueError: when a row's kind is not noun, light or receive.
        """
        out = cls()
        if not path.exists():
            return out
        for row in _rows(path):
            if row["kind"] == "noun":
                out.nouns[row["word"]] = NounCue(
                    lemma=row["word"],
                    type=StatementType[row["type"]],
                    prior=float(row["prior"]),
                    preps=frozenset(p for p in row["preps"].split(",") if p and p != "-"),
                    slots=frozenset(p for p in row["slots"].split(",") if p and p != "-"),
                    strict=row["strict"],
                )
            elif row["kind"] in ("light", "receive"):
                out.verbs[row["word"]] = row["kind"]
            else:
                raise ValueError(f"{path}: unknown kind {row['kind']!r} for {row['word']!r}")
        return out


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@dataclass(slots=True)
class Lexicon:
    """Cue, content and agent lexicons, indexed for lookup by lemma.

    :raises FileNotFoundError: when a data file is missing.
    :raises KeyError: when a row names an unknown statement type.
    """

    cues: list[Cue] = field(default_factory=list)
    content: dict[str, str] = field(default_factory=dict)
    agents: dict[str, tuple[str, bool]] = field(default_factory=dict)
    nominal: NominalCues = field(default_factory=NominalCues)
    by_lemma: dict[str, list[Cue]] = field(default_factory=dict)
    report_lemmas: frozenset[str] = frozenset()
    source_dir: Path = DATA_DIR

    @classmethod
    def from_dir(cls, path: Path = DATA_DIR) -> "Lexicon":
        """Read ``cues.tsv``, ``content.tsv``, ``agents.tsv`` and ``nouns.tsv`` from ``path``."""
        lex = cls()
        for row in _rows(path / "cues.tsv"):
            words = row["cue"].split()
            particle = obj = None
            if len(words) > 1:
                if words[1] in PARTICLES:
                    particle = words[1]
                else:
                    obj = _singular(words[-1])
            cue = Cue(
                text=row["cue"],
                lemma=words[0],
                particle=particle,
                obj=obj,
                type=StatementType[row["type"]],
                prior=float(row["prior"]),
                kind=row["kind"],
            )
            lex.cues.append(cue)
        for row in _rows(path / "content.tsv"):
            lex.content[row["lemma"]] = row["class"]
        for row in _rows(path / "agents.tsv"):
            lex.agents[row["noun"]] = (row["role"], row["title"] == "yes")
        lex.nominal = NominalCues.from_file(path / "nouns.tsv")
        lex._index()
        return lex

    def _index(self) -> None:
        self.report_lemmas = frozenset(c.lemma for c in self.cues if c.kind == "report")
        self.by_lemma = {}
        for cue in self.cues:
            self.by_lemma.setdefault(cue.lemma, []).append(cue)
        # most specific first: multi-word cues before the bare verb
        for lst in self.by_lemma.values():
            lst.sort(key=lambda c: (c.particle is None and c.obj is None))

    def to_disk(self, path: Path) -> None:
        """Save the data files to ``path`` (a folder), for ``nlp.to_disk``."""
        path.mkdir(parents=True, exist_ok=True)
        for name in ("cues.tsv", "content.tsv", "agents.tsv"):
            shutil.copyfile(self.source_dir / name, path / name)
        if (self.source_dir / "nouns.tsv").exists():
            shutil.copyfile(self.source_dir / "nouns.tsv", path / "nouns.tsv")

    def is_agent(self, lemma: str) -> bool:
        """True when ``lemma`` (lower case, singular) is a noun that names actors."""
        return lemma in self.agents

    def agent_role(self, lemma: str) -> str | None:
        """The CAMEO role code of an agent noun ("military" -> "MIL"), or None."""
        role = self.agents.get(lemma, ("-", False))[0]
        return None if role == "-" else role

    def is_title(self, lemma: str) -> bool:
        """True for nouns used as titles before names ("minister", "president")."""
        return self.agents.get(lemma, ("-", False))[1]

    def content_class(self, lemma: str) -> str | None:
        """The content class of a lemma (``wrong_verb``, ``terror``, ...), or None.

        Capitalized plurals the tagger left unlemmatized ("Terrorists") are
        lower-cased and singularized."""
        low = lemma.lower()
        return self.content.get(low) or self.content.get(_singular(low))


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load (once per folder) the lexicon shipped with kg, or one from ``path``."""
    lex = Lexicon.from_dir(Path(path) if path else DATA_DIR)
    if path:
        lex.source_dir = Path(path)
    return lex
