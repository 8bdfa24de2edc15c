"""The kg vocabulary as rdflib namespaces, mirroring ``ontology/kg.ttl``.

``KG`` (``https://w3id.org/kg-news/ontology#``) holds kg's classes and
properties, ``KGT`` (``https://w3id.org/kg-news/statement-type/``) the 18
statement-type concepts and their scheme.  Both are
:class:`rdflib.namespace.DefinedNamespace` with ``_fail = True``, so a typo
such as ``KG.acuse`` raises :class:`AttributeError`.  ``tests/test_rdf_vocab.py``
keeps them in sync with the ontology file.

:data:`ID` is the base of instance IRIs, :data:`WD` the Wikidata entity
namespace; :func:`bind_prefixes` binds the stable prefix set used by every
serialization.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.graph import Graph
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from kg.rdf.namespaces import ID_BASE, KG_BASE, KGT_BASE, WD_BASE

__all__ = ["KG", "KGT", "ID", "WD", "SCHEMA", "ONTOLOGY_IRI", "PREFIXES", "bind_prefixes"]

#: Base of all instance IRIs (articles, statements, actors, ...).
ID = Namespace(ID_BASE)
#: Wikidata entities (``wd:Q30``).
WD = Namespace(WD_BASE)
#: schema.org, https form (as schema.org itself publishes it).
SCHEMA = Namespace("https://schema.org/")
#: The ontology's own IRI (``owl:Ontology``).
ONTOLOGY_IRI = URIRef("https://w3id.org/kg-news/ontology")


class KG(DefinedNamespace):
    """kg classes and properties (``ontology/kg.ttl``)."""

    _fail = True
    _NS = Namespace(KG_BASE)

    # classes
    Actor: URIRef  # actor
    Article: URIRef  # article
    Country: URIRef  # country
    DirectEdge: URIRef  # direct edge (the direct-edge graphs, kg/store/edges.py)
    ExtractionRun: URIRef  # extraction run
    Group: URIRef  # group
    KnowledgeBaseFile: URIRef  # knowledge-base file
    Mention: URIRef  # mention
    Organization: URIRef  # organization
    Person: URIRef  # person
    Sentence: URIRef  # sentence
    Statement: URIRef  # statement
    StatementType: URIRef  # statement type
    TextSpan: URIRef  # text span
    # properties
    accused: URIRef  # accused
    acknowledged: URIRef  # acknowledged (responsibility towards)
    actor: URIRef  # actor
    actorMention: URIRef  # actor mention
    agreedWith: URIRef  # agreed with
    apologizedTo: URIRef  # apologized to
    appealedTo: URIRef  # appealed to
    cameoCode: URIRef  # CAMEO code
    complainedAbout: URIRef  # complained about
    confidence: URIRef  # confidence
    consulted: URIRef  # consulted
    content: URIRef  # content
    contentHash: URIRef  # content hash
    country: URIRef  # country
    criticized: URIRef  # criticized
    cue: URIRef  # cue
    cueLemma: URIRef  # cue lemma
    demanded: URIRef  # demanded (of)
    denied: URIRef  # denied (the accusation of or about)
    derivedBy: URIRef  # derived by
    directEdge: URIRef  # direct edge
    edgeArticle: URIRef  # edge article
    edgeDate: URIRef  # edge date
    edgeGraph: URIRef  # edge graph
    edgeSource: URIRef  # edge source
    edgeStatement: URIRef  # edge statement
    edgeTarget: URIRef  # edge target
    edgesComplete: URIRef  # edges complete
    endOffset: URIRef  # end offset
    fileDigest: URIRef  # file digest
    fileName: URIRef  # file name
    hypothetical: URIRef  # hypothetical
    inArticle: URIRef  # in article
    index: URIRef  # index
    linkConfidence: URIRef  # link confidence
    linking: URIRef  # linking
    mention: URIRef  # mention
    mode: URIRef  # mode
    modelName: URIRef  # model name
    modelVersion: URIRef  # model version
    name: URIRef  # name
    negated: URIRef  # negated
    ploverCategory: URIRef  # PLOVER category
    praised: URIRef  # praised
    promised: URIRef  # promised (pledged to)
    qid: URIRef  # Wikidata QID
    rejected: URIRef  # rejected
    role: URIRef  # role
    sentence: URIRef  # sentence
    settingsDigest: URIRef  # settings digest
    softwareVersion: URIRef  # software version
    sourceName: URIRef  # source name
    sourceQid: URIRef  # source QID
    startOffset: URIRef  # start offset
    statedAbout: URIRef  # made a statement about
    statementType: URIRef  # statement type
    supported: URIRef  # supported
    sympathizedWith: URIRef  # sympathized with
    target: URIRef  # target
    targetMention: URIRef  # target mention
    targetName: URIRef  # target name
    targetQid: URIRef  # target QID
    text: URIRef  # text
    threatened: URIRef  # threatened
    warned: URIRef  # warned
    wikidataEntity: URIRef  # Wikidata entity


class KGT(DefinedNamespace):
    """The statement-type concept scheme (``kgt:scheme``) and its 18 concepts."""

    _fail = True
    _NS = Namespace(KGT_BASE)

    ACCUSE: URIRef  # accuse
    ACKNOWLEDGE: URIRef  # acknowledge
    AGREE: URIRef  # agree
    APOLOGIZE: URIRef  # apologize
    APPEAL: URIRef  # appeal
    COMPLAIN: URIRef  # complain
    CONSULT: URIRef  # consult
    CRITICIZE: URIRef  # criticize
    DEMAND: URIRef  # demand
    DENY: URIRef  # deny
    PRAISE: URIRef  # praise
    PROMISE: URIRef  # promise
    REJECT: URIRef  # reject
    STATEMENT: URIRef  # statement
    SUPPORT: URIRef  # support
    SYMPATHIZE: URIRef  # sympathize
    THREATEN: URIRef  # threaten
    WARN: URIRef  # warn
    scheme: URIRef  # kg statement types


#: Prefixes bound on every graph kg serializes (stable Turtle / TriG / JSON-LD).
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "kgt": str(KGT._NS),
    "kgid": str(ID),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "xsd": str(XSD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "wd": str(WD),
    "dcterms": str(DCTERMS),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind :data:`PREFIXES` on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph
