"""Types and targets read from a statement's content (issue 14, precision and types from content), with the
real spaCy model: worry voiced by the speaker's side (WARN), support nested below the reported clause (SUPPORT),
a crime label given to an act (ACCUSE of its doer), and the kinds that must not fire: a concession, an act
named as a thing, a point of view, a reporter's guess at what someone would do, the topic of a discussion.

Every sentence is our own (invented names and places); none comes from the gold files.  Each rule has rows
that must fire and rows that must not (taxonomy: ``../shared/docs/taxonomy.md``).
"""

from __future__ import annotations

import pytest


def _triples(res) -> set[tuple[str, str, str]]:
    """``(actor name, type, target name)`` of every asserted statement target."""
    return {(s.actor.name, s.type.value, t.name) for s in res.statements for t in s.targets
            if not s.hypothetical and not s.negated}


def _has(res, stype: str, target: str) -> bool:
    return any(ty == stype and tg.startswith(target) for _, ty, tg in _triples(res))


# -- rows that must fire: (sentence, type, target name prefix)

FIRE = [
    # worry of the speaker's side about a danger: WARN (taxonomy: danger without a direct threat)
    ("Ana Kolb said she was deeply concerned that Karvania could invade its neighbour.", "WARN", "Karvania"),
    ('"We are deeply concerned about the military implications of the cooperation between Karvania and Tolvia," '
     "Ana Kolb said.", "WARN", "Tolvia"),
    ('"We\'re seriously concerned about the latest agency report about Karvania\'s enrichment of uranium," '
     "envoy Tom Reyes told reporters.", "WARN", "Karvania"),
    ("Ana Kolb said her government is worried about Karvania's nuclear program.", "WARN", "Karvania"),
    # support voiced by the first person below the reported clause (CAMEO 052)
    ('"We are eager to explore how we can continue to back Belmora through the winter," Minister Ivo Brandt said.',
     "SUPPORT", "Belmora"),
    # a crime label given to an act: an accusation of its doer (CAMEO 112)
    ('Lumeria launched raids on the port, which Mr Brandt described as a "bloody crime".', "ACCUSE", "Lumeria"),
    ('Ivo Brandt said Lumeria\'s raids were a "bloody crime".', "ACCUSE", "Lumeria"),
    ('Lumeria has launched raids to retake the port, which Mr Brandt described as a "bloody crime".', "ACCUSE", "Lumeria"),
    # an act predicated unlawful is alleged wrongdoing (ACCUSE), also inside a warning's clause
    ("Ana Kolb said Karvania's occupation of the islands was unlawful.", "ACCUSE", "Karvania"),
    ("Lumeria and its partners warned Friday that growing military cooperation between Karvania and Tolvia is "
     "dangerous and illegal.", "ACCUSE", "Tolvia"),
    ("Lumeria and its partners warned Friday that growing military cooperation between Karvania and Tolvia is "
     "dangerous and illegal.", "WARN", "Karvania"),
    # other negative evaluations stay criticism; a label the parser reads as two predicates has an object
    ("Ana Kolb said Karvania's occupation of the islands was reckless.", "CRITICIZE", "Karvania"),
    ('Lumerian President Ivo Brandt in Paris called Karvania\'s subsidies "unbearable."', "CRITICIZE", "Karvania"),
    # claims labelled baseless: a denial aimed at their author (taxonomy DENY: "dismiss claims"); other labels criticize
    ('Karvania\'s Ministry of Foreign Affairs called Tolvia\'s assertions "baseless," in a statement on Friday.',
     "DENY", "Tolvia"),
    ('Ana Kolb called Tolvia\'s decision "reckless."', "CRITICIZE", "Tolvia"),
    # a harm an actor could cause, foreseen: a warning; the same harm done: an accusation
    ('"The regime could incrementally raise tensions with missile launches," said analyst Tom Reyes.', "WARN", "regime"),
    ("Ana Kolb said the Karvanian regime has raised tensions with its missile launches.", "ACCUSE", "Karvanian"),
    # "confer with X" stays a consultation
    ("Ana Kolb conferred with Tolvian leaders on Monday.", "CONSULT", "Tolvian"),
    # a nationality of quantified acts stays the target of a criticism; of unquantified actors, of an accusation
    ("Tom Reyes criticized many Lumerian strikes.", "CRITICIZE", "Lumeria"),
    ('"Lumerian forces have shelled our villages," Tom Reyes said.', "ACCUSE", "Lumeria"),
    # wrongdoing told in the passive accuses its "by" agent
    ("Ana Kolb said dozens of civilians were killed by Karvanian soldiers.", "ACCUSE", "Karvania"),
    ("Ana Kolb said the villages were attacked by Tolvian militias last week.", "ACCUSE", "Tolvia"),
    ("Ana Kolb says farmers' movements are restricted by the army, depriving them of their land.", "ACCUSE", "army"),
    # a denial of the speaker's own act is aimed at the accuser named just before; claims keep their owner
    ("Tolvia accused Karvania of shelling the port, but Karvania denied it.", "DENY", "Tolvia"),
    ("Tolvia has accused Karvania of arming the rebels. Karvania denies sending weapons to the rebels.", "DENY", "Tolvia"),
    ("Karvania denied Tolvia's claims.", "DENY", "Tolvia"),
    # a concession does not hide the accusation of the main clause
    ("Ivo Brandt said despite the ceasefire, Karvania has shelled Tolvian villages.", "ACCUSE", "Karvania"),
    # a discussion or negotiation with a partner stays a CONSULT
    ("Ana Kolb discussed the border dispute with Karvania's foreign minister on Monday.", "CONSULT", "Karvania"),
    ("Karvania negotiated a new trade deal with Tolvia last year.", "CONSULT", "Tolvia"),
]


@pytest.mark.parametrize("text,stype,target", FIRE)
def test_type_from_content_fires(extract_text, text, stype, target):
    res = extract_text(text)
    assert _has(res, stype, target), _triples(res)


# -- rows that must not fire: (sentence, type or None for any, target name prefix)

NOT_FIRE = [
    # a concession ("despite the fighting") evaluates no one
    ("Marta Velez says despite the fighting, aid workers can reach the majority of the villagers.", None, "aid workers"),
    # an act named as a thing (a gerund subject) is nobody's statement
    ("Ivo Brandt notes the new laws are blocking aid because negotiating with militias is considered an offence.",
     "CONSULT", "militias"),
    # "from X's perspective": the side the speaker speaks from, no target
    ('"From the European Union\'s perspective, it is important to stress that the talks could collapse," Ana Kolb warned.',
     None, "European Union"),
    # a reporter's guess at what someone would do is not asserted
    ("Observers say Karvania would especially welcome the closure of the Tolvian base.", "PRAISE", "Tolvia"),
    # the topic of a discussion and its owner are no partner
    ("The ministers also discussed Karvania's role in regional trade behind closed doors.", "CONSULT", "Karvania"),
    ("Denise Moro says they are negotiating to import grain from Tolvia.", "CONSULT", "Tolvia"),
    # "unlawful" as a modifier inside the subject calls nothing of the predicate unlawful
    ("Ana Kolb said the illegal loggers' camp near Tolvia was empty.", "ACCUSE", "Tolvia"),
    # a foreseen harm is no criticism
    ('"The regime could incrementally raise tensions with missile launches," said analyst Tom Reyes.', "CRITICIZE", "regime"),
    # "conferred the highest honour on X": confer = bestow, no consultation
    ("Lumeria conferred the country's highest honour on Ivo Brandt.", "CONSULT", ""),
    # a nationality adjective of a quantified crowd names nobody in particular
    ('"Many Lumerian consumers choose small electric cars," Tom Reyes said.', None, "Lumeria"),
    ('"There have been some (Karvanian and Tolvian) intelligence officers talking together," said adviser Ana Kolb.',
     None, "Karvania"),
    # a passive act that is no wrongdoing, or fighting against armed men, accuses no one
    ("Ana Kolb said the talks were hosted by Tolvia.", "ACCUSE", "Tolvia"),
    ("Ana Kolb said the militants were killed by the Lumerian army.", "ACCUSE", "Lumeria"),
    # a restrictive relative clause labels its own noun, not the clause before it
    ('Lumeria sent envoys to the port which Mr Brandt described as a "bloody mess".', "CRITICIZE", "Lumeria"),
    # the participants of a denied act of the speaker's own are no target of the denial
    ("The Tolvian rebels routinely deny providing weapons to Karvanian militias.", "DENY", "Karvania"),
    ("Karvania denied sending troops into Tolvia.", "DENY", ""),
    # a worry denied is no warning; an act of the speaker's side reported in a quote is no accusation
    ("Ana Kolb said there was no reason to be concerned about Karvania's army.", "WARN", "Karvania"),
    ('"Coordinated strikes by the Tolvian army and its partners have killed at least 40 rebels," the Tolvian defence '
     "agency said.", "ACCUSE", "Tolvia"),
]


@pytest.mark.parametrize("text,stype,target", NOT_FIRE)
def test_type_from_content_does_not_fire(extract_text, text, stype, target):
    res = extract_text(text)
    bad = {(a, ty, tg) for a, ty, tg in _triples(res) if tg.startswith(target) and (stype is None or ty == stype)}
    assert not bad, bad


def test_own_announced_act_in_a_reported_clause_stays_asserted(extract_text):
    """"said it would summon the ambassador": the speaker's own act, not a guess (the speculation rule
    needs a subject other than the speaker's side)."""
    res = extract_text("The Lumerian Foreign Ministry said it would summon the Karvanian ambassador to voice its anger.")
    assert any(s.type.value == "COMPLAIN" and not s.hypothetical for s in res.statements), _triples(res)
