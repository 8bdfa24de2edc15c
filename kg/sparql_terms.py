"""The one writer of SPARQL / N-Triples terms: IRIs, literals (with escapes,
language tags, datatypes), prefixed names and integers.

Every query kg builds from values (stored-query parameters, store commands,
online linking) writes its terms here, so a value can never change a query's
structure.  The syntax is the common subset of SPARQL 1.1 and N-Triples
(https://www.w3.org/TR/sparql11-query/#grammar, https://www.w3.org/TR/n-triples/):

* :func:`literal` -- ``"..."`` with the ECHAR escapes ``\\" \\\\ \\n \\r \\t \\b \\f``
  (:func:`escape_literal`), then ``@lang`` or ``^^<datatype>``; other characters
  (unicode) are written as they are; a lone surrogate (not encodable as UTF-8)
  becomes U+FFFD.  ``xsd:string`` is written as a plain literal.
* :func:`iri` -- ``<...>`` for an absolute IRI; an IRI holding a character
  IRIs exclude (space, ``<``, ``>``, ``"``, ``{``, ``}``, ``|``, ``\\``, ``^``,
  `````, controls, lone surrogates) or not passing pyoxigraph's strict RFC 3987
  parser is *rejected* (:class:`ValueError` with the reason).
* :func:`escaped_iri` -- ``<...>`` with such characters written as ``\\uXXXX``
  escapes instead: never raises, and a parser rejects the result rather than
  reading a changed query (used for terms read back from a store, whose IRIs
  are valid, by :meth:`kg.store.base.Term.n3`).
* :func:`prefixed_name` -- ``wd:Q30`` (the local part limited to letters,
  digits, ``_``, ``-`` and inner ``.``).

Only the standard library is imported at module level (pyoxigraph, for the
strict IRI check, when :func:`iri` is called), so :mod:`kg.store.base` can use it.
"""

from __future__ import annotations

import re

__all__ = [
    "XSD", "XSD_STRING", "RDF_LANG_STRING", "IRI_BAD", "IRI_SCHEME", "escape_literal", "literal", "iri", "check_iri", "escaped_iri",
    "prefixed_name", "integer",
]

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_LITERAL_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_LITERAL_SPECIAL = re.compile('["\\\\\n\r\t\b\f\ud800-\udfff]')
#: characters an IRI may not hold (RFC 3987 / the IRIREF production), and lone surrogates.
IRI_BAD = re.compile(r'[\x00-\x20<>"{}|\\^`\ud800-\udfff]')
IRI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_PREFIX = re.compile(r"^([A-Za-z]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?$")
_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")


def escape_literal(value: str) -> str:
    """The body of a quoted literal: ECHAR escapes for ``" \\ \\n \\r \\t \\b \\f``,
    lone surrogates replaced by U+FFFD, everything else as it is.

    >>> escape_literal('say "hi"\\n')
    'say \\\\"hi\\\\"\\\\n'
    """
    return _LITERAL_SPECIAL.sub(lambda m: _LITERAL_ESCAPES.get(m.group(), "\ufffd"), value)


def literal(value: str, *, datatype: str | None = None, lang: str | None = None) -> str:
    """A literal term: ``"value"``, ``"value"@lang`` or ``"value"^^<datatype>``.

    :param value: the lexical form (any text).
    :param datatype: datatype IRI (absolute; ``xsd:string`` and ``None`` give a plain literal).
    :param lang: BCP 47 language tag (``en``, ``pt-BR``), written in lower case; excludes ``datatype``.
    :raises ValueError: for a malformed language tag, both ``lang`` and ``datatype``, or a bad datatype IRI.

    >>> literal("Téhéran", lang="FR"), literal("2016-10-12", datatype=XSD + "date")
    ('"Téhéran"@fr', '"2016-10-12"^^<http://www.w3.org/2001/XMLSchema#date>')
    """
    body = '"' + escape_literal(value) + '"'
    if lang:
        if not _LANG.match(lang):
            raise ValueError(f"not a language tag: {lang!r}")
        if datatype and datatype != RDF_LANG_STRING:
            raise ValueError("a literal has a language tag or a datatype, not both")
        return f"{body}@{lang.lower()}"
    if datatype and datatype != XSD_STRING:
        return f"{body}^^{iri(datatype)}"
    return body


def check_iri(value: str) -> str:
    """``value`` if it is an absolute IRI that SPARQL and N-Triples accept.

    :raises ValueError: with the reason (not absolute; a character IRIs exclude;
        not RFC 3987, per pyoxigraph's parser: percent escapes, authority, port).
    """
    shown = repr(value) if len(value) <= 120 else repr(value[:117]) + "..."
    if not IRI_SCHEME.match(value):
        raise ValueError(f"must be an absolute IRI (scheme:...), got {shown}")
    if IRI_BAD.search(value):
        raise ValueError(f"contains a character not allowed in an IRI (space, <, >, \", {{, }}, |, \\, ^, `): {shown}")
    import pyoxigraph  # noqa: PLC0415  (kept out of the import of kg.store.base)

    try:
        pyoxigraph.NamedNode(value)
    except ValueError as exc:
        raise ValueError(f"is not a valid IRI ({exc}): {shown}") from None
    return value


def iri(value: str) -> str:
    """An IRI term ``<value>`` (checked by :func:`check_iri`).

    :raises ValueError: when ``value`` is not an absolute, valid IRI.

    >>> iri("http://www.wikidata.org/entity/Q30")
    '<http://www.wikidata.org/entity/Q30>'
    """
    return f"<{check_iri(value)}>"


def escaped_iri(value: str) -> str:
    """``<value>`` with every character IRIs exclude written as a ``\\uXXXX`` escape
    (never raises; a parser then rejects a bad IRI, it cannot close the term early).

    >>> escaped_iri("urn:a> }")
    '<urn:a\\\\u003E\\\\u0020\\\\u007D>'
    """
    return "<" + IRI_BAD.sub(lambda m: f"\\u{ord(m.group()):04X}", value) + ">"


def prefixed_name(prefix: str, local: str) -> str:
    """A prefixed name ``prefix:local`` (``wd:Q30``); the query must declare the prefix.

    :raises ValueError: when ``prefix`` or ``local`` would need escapes (only letters,
        digits, ``_``, ``-`` and inner ``.`` are written).
    """
    if not _PREFIX.match(prefix) or not _LOCAL.match(local):
        raise ValueError(f"not a plain prefixed name: {prefix!r}:{local!r}")
    return f"{prefix}:{local}"


def integer(value: int) -> str:
    """An ``xsd:integer`` in its short form (``5``, ``-3``).

    :raises TypeError: for anything but an ``int`` (a ``bool`` included).
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"not an int: {value!r}")
    return str(value)
