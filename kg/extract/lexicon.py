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
  from X"), for :mod:`kg.extract.nominal` (CAMEO 1.1b3 noun forms of its cue verbs);
* ``words.tsv`` -- the closed word lists the rules test words against
  ("refuse", "deny" ... under which a cue is not asserted; attack nouns; months),
  read into :class:`RuleWords`;
* ``roles.tsv`` -- role nouns naming one office or one kind of body ("envoy" =
  "ambassador", "body" = "bloc"), for within-article coreference.

Each file starts with a ``# kg ... -- version N`` line; :attr:`Lexicon.versions`
keeps the numbers.  Content classes are the :class:`ContentClass` enum: a class
name in ``content.tsv`` that is not one raises a ``ValueError`` naming the file
and line.  :class:`Lexicon` bundles the five; it is what the spaCy component
saves with ``to_disk`` and loads with ``from_disk``.
"""

from __future__ import annotations

import csv
import re
import shutil
from dataclasses import dataclass, field, fields
from enum import Enum
from functools import lru_cache
from pathlib import Path

from kg.model import StatementType

DATA_DIR = Path(__file__).parent / "data"

#: Words that, as the second word of a multi-word cue, are particles or
#: prepositions of the verb ("call on", "rule out") rather than its object.
PARTICLES = frozenset(
    "on upon for to out with by off up down against about at into over back".split()
)


#: Data files of a lexicon folder, saved by :meth:`Lexicon.to_disk` (``nouns.tsv`` may be absent).
DATA_FILES = ("cues.tsv", "content.tsv", "agents.tsv", "nouns.tsv", "words.tsv", "roles.tsv")


class ContentClass(str, Enum):
    """The classes of ``content.tsv`` (its header comment says what each means).

    A ``str`` enum: a member equals its name as a string (``ContentClass.MEDIA == "media"``).
    """

    WRONG_VERB = "wrong_verb"
    AID_VERB = "aid_verb"
    TERROR = "terror"
    CRIME_NOUN = "crime_noun"
    COOP_VERB = "coop_verb"
    THREAT_VERB = "threat_verb"
    MEDIA = "media"
    PROMISE_VERB = "promise_verb"
    NEGATIVE = "negative"
    ACCUSATION_NOUN = "accusation_noun"
    POSITIVE_STATE = "positive_state"
    REVERSE_VERB = "reverse_verb"
    SOURCE_NOUN = "source_noun"


@dataclass(frozen=True, slots=True)
class RuleWords:
    """The closed word lists of ``words.tsv``, one field per ``set`` name (the file's
    header comment says what each list is for).  All words are lower case."""

    negating_heads: frozenset[str] = frozenset()
    inner_preps: frozenset[str] = frozenset()
    spokes_nouns: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    month_abbreviations: frozenset[str] = frozenset()
    relative_days: frozenset[str] = frozenset()
    ready_words: frozenset[str] = frozenset()
    condone_verbs: frozenset[str] = frozenset()
    anaphoric_determiners: frozenset[str] = frozenset()
    experience_verbs: frozenset[str] = frozenset()
    attack_nouns: frozenset[str] = frozenset()
    violent_acts: frozenset[str] = frozenset()
    meeting_nouns: frozenset[str] = frozenset()
    content_only_cues: frozenset[str] = frozenset()
    own_subject_cues: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    dismissive: frozenset[str] = frozenset()
    pressure_nouns: frozenset[str] = frozenset()
    label_verbs: frozenset[str] = frozenset()
    listing_verbs: frozenset[str] = frozenset()
    silence_verbs: frozenset[str] = frozenset()
    media_cues: frozenset[str] = frozenset()
    broadcast_heads: frozenset[str] = frozenset()
    news_modifiers: frozenset[str] = frozenset()
    media_descriptors: frozenset[str] = frozenset()
    masthead_words: frozenset[str] = frozenset()
    storm_words: frozenset[str] = frozenset()
    culpability_words: frozenset[str] = frozenset()
    physical_cues: frozenset[str] = frozenset()
    armed_nouns: frozenset[str] = frozenset()
    criticized_things: frozenset[str] = frozenset()
    object_sense_cues: frozenset[str] = frozenset()
    information_nouns: frozenset[str] = frozenset()
    press_requests: frozenset[str] = frozenset()
    document_names: frozenset[str] = frozenset()
    trust_words: frozenset[str] = frozenset()
    legal_objects: frozenset[str] = frozenset()
    outlet_nouns: frozenset[str] = frozenset()
    cooperation_nouns: frozenset[str] = frozenset()
    threat_objects: frozenset[str] = frozenset()
    accusing_verbs: frozenset[str] = frozenset()
    male_honorifics: frozenset[str] = frozenset()
    female_honorifics: frozenset[str] = frozenset()
    courtesy_titles: frozenset[str] = frozenset()
    blame_on_verbs: frozenset[str] = frozenset()
    ultimatum_verbs: frozenset[str] = frozenset()
    pay_verbs: frozenset[str] = frozenset()
    price_nouns: frozenset[str] = frozenset()
    obligation_modals: frozenset[str] = frozenset()
    obligation_verbs: frozenset[str] = frozenset()
    insistence_words: frozenset[str] = frozenset()
    stative_acts: frozenset[str] = frozenset()
    obligation_nouns: frozenset[str] = frozenset()
    obliging_verbs: frozenset[str] = frozenset()
    consequence_verbs: frozenset[str] = frozenset()
    harm_verbs: frozenset[str] = frozenset()
    support_verbs: frozenset[str] = frozenset()
    support_preps: frozenset[str] = frozenset()
    continuation_verbs: frozenset[str] = frozenset()
    consult_nouns: frozenset[str] = frozenset()
    acceptance_verbs: frozenset[str] = frozenset()
    request_verbs: frozenset[str] = frozenset()
    dyadic_support_cues: frozenset[str] = frozenset()
    defiance_verbs: frozenset[str] = frozenset()
    praise_words: frozenset[str] = frozenset()
    evaluation_verbs: frozenset[str] = frozenset()
    press_audiences: frozenset[str] = frozenset()
    call_modifiers: frozenset[str] = frozenset()
    unheld_verbs: frozenset[str] = frozenset()
    holding_verbs: frozenset[str] = frozenset()
    target_only_cues: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    meeting_time_preps: frozenset[str] = frozenset()
    unheld_modifiers: frozenset[str] = frozenset()
    prediction_modals: frozenset[str] = frozenset()
    criticism_adjectives: frozenset[str] = frozenset()
    support_adjectives: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str] = frozenset()
    deadline_verbs: frozenset[str] = frozenset()
    deadline_nouns: frozenset[str] = frozenset()
    offer_verbs: frozenset[str] = frozenset()
    infinitive_cues: frozenset[str] = frozenset()
    finding_verbs: frozenset[str] = frozenset()
    topic_consult_cues: frozenset[str] = frozenset()
    concern_words: frozenset[str] = frozenset()
    unlawful_words: frozenset[str] = frozenset()

    @classmethod
    def from_file(cls, path: Path) -> "RuleWords":
        """Read ``words.tsv`` (columns ``set``, ``word``).

        :raises FileNotFoundError: when the file is missing.
        :raises ValueError: naming the file and line of a row whose set is no field of
            :class:`RuleWords`, or naming the sets the file lacks.
        """
        known = {f.name for f in fields(cls)}
        found: dict[str, set[str]] = {}
        for line, row in _numbered_rows(path):
            if row["set"] not in known:
                raise ValueError(f"{path}:{line}: unknown word set {row['set']!r} (known: {', '.join(sorted(known))})")
            found.setdefault(row["set"], set()).add(row["word"])
        missing = known - set(found)
        if missing:
            raise ValueError(f"{path}: no words for the sets {', '.join(sorted(missing))}")
        return cls(**{k: frozenset(v) for k, v in found.items()})


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
    """Noun cues by lemma, and verbs around them by lemma -> ``"light"``, ``"receive"`` or ``"carry"``."""

    nouns: dict[str, NounCue] = field(default_factory=dict)
    verbs: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: Path) -> "NominalCues":
        """Read ``nouns.tsv``; an absent file (a lexicon saved before version 1) gives no noun cues.

        :raises KeyError: when a row names an unknown statement type.
        :raises ValueError: when a row's kind is not noun, light, receive or carry.
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
            elif row["kind"] in ("light", "receive", "carry"):
                out.verbs[row["word"]] = row["kind"]
            else:
                raise ValueError(f"{path}: unknown kind {row['kind']!r} for {row['word']!r}")
        return out


def _rows(path: Path) -> list[dict[str, str]]:
    return [row for _, row in _numbered_rows(path)]


def _numbered_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line number in the file, row) for the data rows of a TSV file (after its header row)."""
    with path.open(encoding="utf-8") as fh:
        numbered = [(n, ln) for n, ln in enumerate(fh, 1) if ln.strip() and not ln.startswith("#")]
    if not numbered:
        return []
    rows = csv.DictReader([ln for _, ln in numbered], delimiter="\t")
    return [(n, row) for (n, _), row in zip(numbered[1:], rows)]


_VERSION = re.compile(r"^#.*--\s*version\s+(\d+)")


def file_version(path: Path) -> int:
    """The version number of a data file's first line (``# kg cue lexicon -- version 1``).

    :raises ValueError: when the first line carries no version.
    """
    with path.open(encoding="utf-8") as fh:
        first = fh.readline()
    m = _VERSION.match(first)
    if m is None:
        raise ValueError(f"{path}:1: no '-- version N' header")
    return int(m.group(1))


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
    content: dict[str, ContentClass] = field(default_factory=dict)
    agents: dict[str, tuple[str, bool]] = field(default_factory=dict)
    nominal: NominalCues = field(default_factory=NominalCues)
    words: RuleWords = field(default_factory=RuleWords)
    versions: dict[str, int] = field(default_factory=dict)
    not_actors: frozenset[str] = frozenset()
    by_lemma: dict[str, list[Cue]] = field(default_factory=dict)
    report_lemmas: frozenset[str] = frozenset()
    source_dir: Path = DATA_DIR
    roles: dict[str, tuple[str, str]] = field(default_factory=dict)  # roles.tsv: word -> (class, kind)

    @classmethod
    def from_dir(cls, path: Path = DATA_DIR) -> "Lexicon":
        """Read ``cues.tsv``, ``content.tsv``, ``agents.tsv``, ``nouns.tsv`` and ``words.tsv`` from ``path``.

        :raises ValueError: for an unknown content class or word set (naming file and line)
            or a data file without a version header.
        """
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
        for line, row in _numbered_rows(path / "content.tsv"):
            try:
                lex.content[row["lemma"]] = ContentClass(row["class"])
            except ValueError:
                raise ValueError(
                    f"{path / 'content.tsv'}:{line}: unknown content class {row['class']!r} "
                    f"(known: {', '.join(c.value for c in ContentClass)})"
                ) from None
        for row in _rows(path / "agents.tsv"):
            lex.agents[row["noun"]] = (row["role"], row["title"] == "yes")
        lex.nominal = NominalCues.from_file(path / "nouns.tsv")
        # a lexicon saved before words.tsv existed ran on the word sets then written in code,
        # which are the shipped file's
        words = path / "words.tsv"
        lex.words = RuleWords.from_file(words if words.exists() else DATA_DIR / "words.tsv")
        roles = path / "roles.tsv"  # a lexicon saved before roles.tsv existed uses the shipped one
        lex.roles = {r["word"]: (r["class"], r["kind"]) for r in _rows(roles if roles.exists() else DATA_DIR / "roles.tsv")}
        lex.versions = {name: file_version(path / name) for name in DATA_FILES if (path / name).exists()}
        lex._index()
        return lex

    def _index(self) -> None:
        self.report_lemmas = frozenset(c.lemma for c in self.cues if c.kind == "report")
        # months and days, which the small model sometimes tags as proper nouns: never actors
        self.not_actors = self.words.weekdays | self.words.months | self.words.relative_days
        self.by_lemma = {}
        for cue in self.cues:
            self.by_lemma.setdefault(cue.lemma, []).append(cue)
        # most specific first: multi-word cues before the bare verb
        for lst in self.by_lemma.values():
            lst.sort(key=lambda c: (c.particle is None and c.obj is None))

    def to_disk(self, path: Path) -> None:
        """Save the data files to ``path`` (a folder), for ``nlp.to_disk``."""
        path.mkdir(parents=True, exist_ok=True)
        for name in DATA_FILES:
            if name not in ("nouns.tsv", "words.tsv", "roles.tsv") or (self.source_dir / name).exists():
                shutil.copyfile(self.source_dir / name, path / name)

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

    def role_synonyms(self, word: str, kind: str = "person") -> frozenset[str]:
        """The words of ``roles.tsv`` naming the same office (``kind="person"``: "envoy" ->
        {"envoy", "ambassador", "representative", ...}) or the same kind of body (``kind="org"``:
        "body" -> {"bloc", "body", ...}); ``{word}`` for a word the file does not list."""
        cls = self.roles.get(word)
        if cls is None or cls[1] != kind:
            return frozenset({word})
        return frozenset(w for w, c in self.roles.items() if c == cls)

    def content_class(self, lemma: str) -> ContentClass | None:
        """The content class of a lemma (``ContentClass.WRONG_VERB``, ...), or None.

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
