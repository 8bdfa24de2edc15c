"""Token and dependency helpers over a spaCy parse (ClearNLP/spaCy English labels:
``nsubj``, ``dobj``, ``ccomp``, ``advcl``, ``prep``/``pobj`` ...).

Pure functions of a :class:`spacy.tokens.Token`: subjects, passive agents, objects,
prepositional objects, conjuncts, negation, hypotheticals, tense of a reported event,
and the lexicon cue a token starts (:func:`match_cue`).  They read no article-level
state; the layers above (:mod:`kg.extract.mentions`, :mod:`kg.extract.speakers`,
:mod:`kg.extract.targets`, :mod:`kg.extract.events`, :mod:`kg.extract.clauses`) build on them.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from kg.extract.lexicon import Cue, Lexicon
from kg.extract.quotes import QUOTE_CHARS


#: NER labels whose entities can be actors.
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: NER labels that are never actors (a proper noun under them is no actor).
NON_ACTOR_ENTS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LOC", "FAC",
     "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}
)
#: Closed grammatical classes (kept in code: they are English grammar, not rule knowledge).
#: Third-person pronouns of persons.
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
#: Pronouns of things and groups.
OTHER_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
#: First-person pronouns: the speaker's own side inside a quotation.
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
#: Relative pronouns whose clause's subject is its antecedent ("X, who said").
RELATIVE = frozenset({"who", "which", "that"})
#: Subordinators that make a clause a condition or an open question.
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
#: Dependency labels of active subjects.
SUBJECTS = ("nsubj", "csubj")


def ent_of(tok: Token) -> SpacySpan | None:
    """The entity span ``tok`` is in, from the IOB tags around it (O(entity
    length); ``doc.ents`` rebuilds the whole list on every access)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=tok.ent_type_)


def is_pronoun(tok: Token) -> bool:
    """Pronouns, but not the all-caps country abbreviation "US"."""
    low = tok.lower_
    if low not in PERSONAL_PRONOUNS and low not in OTHER_PRONOUNS and low not in FIRST_PERSON:
        return False
    return not (tok.text.isupper() and len(tok.text) > 1)


def with_conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the conjuncts after it, in text order ("X, Y and Z" from X -> [X, Y, Z])."""
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i:
            out.append(c)
    return out


def match_cue(tok: Token, lex: Lexicon) -> tuple[Cue, list[int]] | None:
    """The lexicon cue that ``tok`` starts, with the cue's token indices."""
    if tok.lower_ == "according":
        for child in tok.children:
            if child.lower_ == "to":
                cue = next((c for c in lex.by_lemma.get("according", []) if c.particle == "to"), None)
                if cue:
                    return cue, [tok.i, child.i]
        return None
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return None
    if tok.dep_ in ("amod", "compound", "dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos", "npadvmod"):
        return None  # a noun the tagger took for a verb ("hostage-takers demands")
    lemma = tok.lemma_.lower()
    if lemma in lex.words.offer_verbs and to_infinitive(tok, after=tok.i) is not None \
            and not any(c.dep_ in ("ccomp", "dobj") for c in tok.children):
        # "proposed to set a minimum price": an offer of the speaker's own act (words.tsv offer_verbs)
        offer = next((c for c in lex.by_lemma.get("offer", []) if not c.particle and not c.obj), None)
        if offer is not None:
            return offer, [tok.i]
    if lemma in lex.words.finding_verbs and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in lex.words.document_nouns for c in tok.children):
        # "a new report by X finds that ...": a document's findings are its author's statement (words.tsv finding_verbs)
        say = next((c for c in lex.by_lemma.get("say", []) if not c.particle and not c.obj), None)
        if say is not None:
            return say, [tok.i]
    for cue in lex.by_lemma.get(lemma, []):
        if cue.particle:
            for child in tok.children:
                if (child.dep_ in ("prt", "prep", "dative") or (child.dep_ == "advmod" and child.lower_ == "back")) \
                        and child.lower_ == cue.particle and not _adjunct_prep(tok, child):  # "hit back": "back" tagged an adverb
                    if cue.text in lex.words.infinitive_cues and to_infinitive(tok, after=child.i) is None:
                        continue  # "looked to the future": no "look to X to do Y"
                    return cue, [tok.i, child.i]
            mark = for_clause_mark(tok) if cue.particle == "for" else None
            if mark is not None:
                return cue, [tok.i, mark.i]
            continue
        if cue.obj:
            for child in tok.children:
                if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() == cue.obj:
                    return cue, [tok.i, child.i]
            continue
        return cue, [tok.i]
    return None


def to_infinitive(verb: Token, after: int) -> Token | None:
    """The verb's to-infinitive complement after token index ``after`` ("proposed to set ...",
    "is looking to X to veto ...": "set", "veto" -- an ``xcomp``/``advcl`` with the ``aux`` "to"),
    or None.  "in order to" purpose clauses (a ``mark`` "in order") are none."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "advcl") and c.i > after and c.pos_ in ("VERB", "AUX") \
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                and not any(m.dep_ == "mark" for m in c.children):
            return c
    return None


def for_clause_mark(verb: Token) -> Token | None:
    """The "for" of "called for X to release Y" when the parser made it the subordinator
    (``mark``) of the infinitive clause ("for" -> ``mark`` of "release", "X" its ``nsubj``,
    "release" an ``advcl``/``ccomp``/``xcomp`` of the verb) instead of the verb's preposition:
    the particle of the cue "call for" all the same.  Only "for" right after the verb with a
    subject and "to" in its clause, so that "called a meeting for officials to attend" stays a call."""
    for c in verb.children:
        if c.dep_ not in ("advcl", "ccomp", "xcomp") or c.i < verb.i:
            continue
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"), None)
        if mark is None or mark.i != verb.i + 1:
            continue
        if any(s.dep_ == "nsubj" for s in c.children) and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return mark
    return None


#: Entity labels of a time adjunct ("on Sunday", "for two hours"): never the object of a cue's preposition.
TIME_ENTS = frozenset({"DATE", "TIME"})


def _adjunct_prep(verb: Token, prep: Token) -> bool:
    """A preposition of ``verb`` that heads an adjunct, not the verb's particle: its object is
    a date or time ("called her mother on Sunday", "called for an hour"), or it follows the
    verb's direct object ("called the envoy on Monday"; a true particle "call on X" comes
    first).  Particles proper (``prt``: "pointed this out") are never adjuncts."""
    if prep.dep_ != "prep":
        return False
    if any(o.dep_ == "pobj" and o.ent_type_ in TIME_ENTS for o in prep.children):
        return True
    return any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children)


def hung_clauses(verb: Token) -> list[Token]:
    """Reported clauses the parser hung on the noun of the verb's "in"/"during"/"at" phrase
    instead of on the verb: "said in a statement that X must stop ..." (``stop`` an ``acl`` of
    "statement" with the mark "that"; "said during a visit to Paris that ...", hung on "Paris") -> [stop].  Only clauses with "that" and a subject of
    their own, so that "spoke in a hall that was full" stays a description."""
    out = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "at"):
            continue
        for c in prep.subtree:
            # on the phrase's noun or a noun inside it ("during a visit to Paris that ...")
            if c.dep_ in ("acl", "relcl") and c.head.pos_ in ("NOUN", "PROPN") and c.head.i < c.i \
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) \
                    and any(m.dep_ in ("nsubj", "nsubjpass", "expl") for m in c.children):
                out.append(c)
                break
    return out


def subject_of(verb: Token) -> Token | None:
    """The first active subject (``nsubj``/``csubj``) child of ``verb``, or None."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    return None


def passive_agent(verb: Token) -> Token | None:
    """The object of the ``by``-agent of a passive ``verb`` ("was condemned by X" -> X); None
    when ``verb`` has no passive subject or no agent."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def is_negated(tok: Token, lex: Lexicon) -> bool:
    """Whether ``tok`` is negated: a ``neg`` child ("did not say"), or a complement of a
    negating head (``lex.words.negating_heads``: "refused to condemn", "denied accusing")."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in lex.words.negating_heads:
        return True
    return False


def is_hypothetical(tok: Token, sent: SpacySpan) -> bool:
    """A cue in a conditional ("if Iran condemned X"), a modal cue under a
    condition ("If the talks fail, Iran could threaten Israel") or a cue in a
    question is not asserted.  An ultimatum ("threatened to secede unless ...")
    is."""
    cur = tok
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in cur.children):
            return True
        modal = any(c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may") for c in cur.children)
        if modal and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in HYPOTHETICAL_MARKS for m in c.children)
                         for c in cur.children):
            return True  # "If the talks fail, Iran could threaten Israel"; not "threatened to secede unless ..."
        if cur.head.i == cur.i:
            break
        cur = cur.head
    tail = sent.text.rstrip().rstrip(QUOTE_CHARS + "'’ ")
    return tail.endswith("?")


def clause_objects(verb: Token) -> list[Token]:
    """Object-like children of ``verb``: direct objects, attributes and object predicates
    (``dobj``, ``attr``, ``oprd``)."""
    return [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]


def prep_objects(verb: Token, words: frozenset[str] | set[str]) -> list[Token]:
    """Objects of the prepositions in ``words`` hung on ``verb`` (``prep``/``dative`` ->
    ``pobj``: "with X" -> X), plus a bare dative noun or pronoun ("told X")."""
    out = []
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in words:
            out.extend(p for p in child.children if p.dep_ == "pobj")
        elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(child)
    return out


def participle_agents(noun: Token) -> list[Token]:
    """Objects of the ``by`` agent of a past participle that modifies ``noun`` ("the allegations
    made by X", "criticism voiced by X", "a warning issued by X"): the parser hangs the agent on
    the participle, not on the noun, so ``prep_objects(noun, {"by"})`` misses it."""
    return [p for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > noun.i
            for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]


def own_pronoun(subj: Token | None) -> bool:
    """"We have decided ..., X said": a pronoun subject speaks for the speaker's side."""
    return subj is not None and is_pronoun(subj) and subj.lower_ != "you"


def past_event(v: Token) -> bool:
    """A reported past event ("Zambia extradited X, an official said"; "has granted"):
    sourcing, not a statement about the clause's subject."""
    if v.tag_ == "VBD" and not any(c.dep_ == "aux" for c in v.children):
        return True
    return v.tag_ == "VBN" and any(
        (c.dep_ == "aux" and c.lemma_ == "have") or (c.dep_ == "auxpass" and c.tag_ == "VBD") for c in v.children
    )


def own_possession(tok: Token) -> bool:
    """"its troops", "their forces": the speaker's own, not a target."""
    return any(c.dep_ == "poss" and is_pronoun(c) for c in tok.children)
