"""Streaming article readers: files, folders, JSON Lines (plain or gzip), stdin.

:func:`read_articles` turns paths into a lazy stream of :class:`~kg.model.Article`
objects.  Bad input never stops the batch: every problem becomes a
:class:`Skipped` item with a one-line message from :class:`kg.errors.Msg`
(naming the file and line), and reading goes on with the next record.

Inputs
------
* ``*.txt`` (and any explicitly named file with another suffix): one article;
  ``id`` = file stem, so re-running a file replaces its own graph, and the
  ids stay the same when the corpus folder moves.  Two files with the same
  name in different folders therefore share an id: read in one call, the
  later one is renamed (see *Duplicate ids*); loaded by separate
  ``kg run`` calls, the later one replaces the earlier one's graph, and
  :func:`kg.run.jobs.run_into_store` warns (E009) when a ``.txt`` article
  replaces a stored graph that holds another text.  Give such files
  distinct names (or put them in one JSON Lines file with distinct ids).
* ``*.jsonl`` / ``*.ndjson``: one JSON object per line, read line by line
  (never the whole file), origin ``"file.jsonl:LINE"``.  Fields: ``id``,
  ``title``, ``date`` (``published`` is accepted too, as in VOA's records),
  ``source`` (-> :attr:`Article.publisher`; ``publisher`` is accepted too),
  ``url``, ``text``.  Other keys are ignored.
* ``*.jsonl.gz`` / ``*.ndjson.gz``: the same, gzip-compressed, decompressed
  as a stream.  Corrupt or truncated gzip data ends the file with E001
  naming the line reached and advising ``gunzip -t``; the articles before
  it are kept.
* ``*.json``: one JSON object (one article) or a JSON array of objects
  (origin ``"file.json[3]"``); read whole, so use JSON Lines for big corpora.
  A ``.json`` file that holds JSON Lines is read as JSON Lines.
* ``*.warc`` / ``*.warc.gz``: a WARC archive of web pages (ISO 28500), read
  record by record with ``warcio``.  Every ``response`` (HTTP status 200) or
  ``resource`` record whose content type is HTML becomes one article: its main
  text, title, date and site name are extracted with ``trafilatura``, which
  drops boilerplate (navigation, footers, cookie banners, related links);
  paragraphs are separated by a blank line.  ``id`` and ``url`` = the record's
  ``WARC-Target-URI``; origin ``"file.warc.gz@OFFSET"`` (byte offset of the
  record).  Other records (requests, metadata, images, redirects) are
  ignored; a page without main text is skipped (E002).  Needs the optional
  extra ``kg[warc]`` (``pip install warcio trafilatura``); without it each
  WARC file is skipped with E001 saying so.
* a folder: all ``*.txt``, ``*.jsonl``, ``*.ndjson``, ``*.jsonl.gz``,
  ``*.ndjson.gz``, ``*.warc``, ``*.warc.gz`` and ``*.json`` files under it, recursively, in sorted order
  of their relative paths; hidden files and folders (name starting with
  ``.``) are ignored, other suffixes too.  A folder with none of these
  files in it is skipped with E016 (naming a few of the other files).
* ``-``: standard input.  If its first non-blank character is ``{`` it is read
  as JSON Lines (origin ``"<stdin>:LINE"``), else as one plain-text article
  whose id is ``"sha256:<first 16 hex of the SHA-256 of its text>"``.

Rules
-----
Encoding
    UTF-8; a UTF-8 byte-order mark is dropped; UTF-16 and UTF-32 with a BOM are
    decoded.  Other bytes that are not UTF-8 give E005 (for JSON Lines: that
    line only).  NUL bytes or a large share (> 10 %) of control characters
    give E006 (binary data).
Text normalization (:func:`normalize_text`)
    Applied to ``text`` before the :class:`Article` is made, so **every
    character offset kg reports refers to the normalized text**.  It is
    minimal: CR LF and CR become LF; form feed, vertical tab, NEL (U+0085),
    LINE SEPARATOR and PARAGRAPH SEPARATOR become LF (same length); other C0
    and C1 control characters except TAB and LF, ZERO WIDTH SPACE (U+200B),
    WORD JOINER (U+2060) and stray BOMs (U+FEFF) are removed; lone surrogates
    (``\\ud800``-``\\udfff``, which only JSON ``\\u`` escapes can produce and
    which no UTF-8 tool can encode) become U+FFFD, one for one.  Nothing else
    changes: no Unicode normalization (NFC), no NBSP replacement, no
    whitespace trimming, so a clean UTF-8 file reads back byte-identical.
    ZERO WIDTH (NON-)JOINER are kept: they carry meaning in some scripts.
Title rule (plain-text articles only)
    The title is the first line that contains a letter, if that line is a
    paragraph of its own (followed by a blank line), at most 200 characters
    and 30 words long, does not end with ``.`` ``,`` ``;`` or ``:`` and some
    text follows it.  Otherwise the title is ``None``.  The title line stays
    in :attr:`Article.text` (headlines carry statements: "X: Y").
Fields of JSON records
    ``text`` missing, not a string, or ``""`` -> E004 (record skipped); text
    that is only whitespace after normalization -> E002 (skipped).  A
    wrong-typed optional field is dropped with a logged E008 warning and the
    record is kept: ``title``/``source``/``url`` must be strings (or null),
    ``date`` an ISO date ``YYYY-MM-DD`` (an ISO date-time is cut to its date).
    An integer ``id`` is turned into a string; a missing, empty or otherwise
    typed ``id`` gives ``"sha256:<first 16 hex of the text hash>"`` (with an
    E008 warning when the ``id`` was present but unusable).  Lone surrogates
    in ``id``, ``title``, ``source`` and ``url`` become U+FFFD, as in the text.
Duplicate ids (within one :func:`read_articles` call)
    Same id and the same (normalized) text: the later copy is skipped (E009).
    Same id, different text: the later article is kept with id
    ``"<id>~<first 8 hex of its text's SHA-256>"`` and a logged E009 warning,
    so both are kept distinctly and re-runs give the same ids.
Duplicate keys (within one :func:`read_articles` call)
    Different ids with the same key (:attr:`kg.model.Article.key`, the slug
    that names the article's graph, e.g. ``"Foo Bar"`` and ``"foo-bar"``):
    the later article would replace the earlier one's graph, so it is
    renamed by the same rule (``"<id>~<first 8 hex>"``, logged E009 warning)
    and both are kept.  Across runs, :func:`kg.run.jobs.run_into_store` does
    the same when the store's graph of that key holds another article id
    (``"<id>~<first 8 hex of the id's SHA-256>"``, E009).

Warnings (dropped fields, renamed ids) go to the ``kg.ingest`` logger.

Modules: :mod:`~kg.ingest.skipped` (the :class:`Skipped` item),
:mod:`~kg.ingest.text` (decoding, normalization, titles, hash ids),
:mod:`~kg.ingest.records` (a JSON record -> an :class:`~kg.model.Article`),
:mod:`~kg.ingest.jsonl` (JSON Lines streams), :mod:`~kg.ingest.warc` (WARC
archives), :mod:`~kg.ingest.files` (files and folders), :mod:`~kg.ingest.stdin`
(standard input) and :mod:`~kg.ingest.reader` (:func:`read_articles`, the
duplicate rules); each imports only those before it.
"""

from kg.ingest.files import ARTICLE_SUFFIXES, text_file_of
from kg.ingest.reader import read_articles
from kg.ingest.skipped import Skipped
from kg.ingest.text import guess_title, hash_id, normalize_text

__all__ = ["Skipped", "read_articles", "normalize_text", "guess_title", "hash_id", "text_file_of", "ARTICLE_SUFFIXES"]
