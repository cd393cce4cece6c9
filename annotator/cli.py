"""The ``annotator`` command: a thin layer over the core.

Each command opens the project, calls one core function and prints what it did. Errors
a user can act on (a bad file, a damaged project) print one line and exit non-zero,
without a traceback.
"""

from __future__ import annotations

import getpass
import re
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
import platformdirs

from annotator import __version__
from annotator.core.damaged_rows import DamagedDocument
from annotator.core.damaged_rows import describe as describe_damage
from annotator.core.errors import AnnotatorError
from annotator.core.importing.articles import ImportReport
from annotator.core.store import Store
from annotator.core.store.postgres import is_server_url, url_user
from annotator.core.wording import counted

F = TypeVar("F", bound=Callable[..., Any])


def default_project_path() -> Path:
    return Path(platformdirs.user_data_dir("annotator", appauthor=False)) / "annotations.db"


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "annotator"


class ProjectLocation(click.Path):
    """A project file, or the ``postgresql://`` URL of a project on a server, kept as
    typed (a Path would fold the URL's ``//``)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and is_server_url(value):
            return value
        return super().convert(value, param, ctx)


@dataclass
class Context:
    db_path: Path | str
    annotator: str
    annotator_given: bool

    @contextmanager
    def store(self, *, read_only: bool = False, reading: bool = False) -> Iterator[Store]:
        """``reading``: a command that only reads also works on a write-protected project."""
        if reading:
            store = Store.writable_or_read_only(self.db_path)
        else:
            store = Store(self.db_path, read_only=read_only)
        try:
            yield store
        finally:
            # Nothing left out in silence: every command names the damaged rows it
            # read around (on stderr, so --json output stays clean).
            for line in describe_damage(store.damaged_rows_seen()):
                click.echo(line, err=True)
            store.close()


def reports_errors(command: F) -> F:
    """Turn the errors a user can act on into one clean line and exit status 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except AnnotatorError as error:
            raise click.ClickException(str(error)) from error
        except sqlite3.DatabaseError as error:
            # A page damaged after the project opened: one line, not a traceback.
            raise click.ClickException(
                f"the project file is damaged or unreadable ({error}); restore a backup "
                "(`annotator backup` makes one)"
            ) from error

    return wrapper  # type: ignore[return-value]


pass_context = click.make_pass_decorator(Context)

PROJECT_OPTIONS = ("--db", "--annotator")


class AnnotatorGroup(click.Group):
    """Takes ``--db`` and ``--annotator`` after the command too (``annotator suggest
    --db x``), as people type them; a command with an ``--annotator`` of its own (a
    layer to read) keeps it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        position = next((index for index, arg in enumerate(args) if arg in self.commands), None)
        if position is None:
            return super().parse_args(ctx, args)
        command = self.commands[args[position]]
        own = {opt for param in command.params for opt in getattr(param, "opts", ())}
        moved: list[str] = []
        rest: list[str] = []
        tail = iter(args[position + 1 :])
        for arg in tail:
            if arg == "--":
                rest += [arg, *tail]
                break
            name = arg.split("=", 1)[0]
            if name in PROJECT_OPTIONS and name not in own:
                value = [] if "=" in arg else [next(tail, None)]
                if None not in value:
                    moved += [arg, *(item for item in value if item is not None)]
                    continue
            rest.append(arg)
        return super().parse_args(ctx, [*args[:position], *moved, args[position], *rest])


@click.group(
    cls=AnnotatorGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "db_path",
    type=ProjectLocation(dir_okay=False, path_type=Path),
    envvar="ANNOTATOR_DB",
    show_envvar=True,
    help="Project file (SQLite), or a shared project on a server: "
    "postgresql://you@host/project. Default: annotations.db in your user data folder.",
)
@click.option(
    "--annotator",
    "annotator",
    envvar="ANNOTATOR_USER",
    show_envvar=True,
    help="Your name, recorded on every span you make. Default: your login name.",
)
@click.version_option(__version__, prog_name="annotator")
@click.pass_context
def main(ctx: click.Context, db_path: Path | str | None, annotator: str | None) -> None:
    """Annotate news articles: tag claims, denials, amounts, people and organisations.

    With no command, opens the annotation window on the project.
    """
    # On a server each person writes as their own role: that is their name there.
    server_user = url_user(db_path) if isinstance(db_path, str) else None
    ctx.obj = Context(
        db_path=db_path or default_project_path(),
        annotator=annotator or server_user or default_annotator(),
        annotator_given=annotator is not None or server_user is not None,
    )
    if ctx.invoked_subcommand is None:
        open_command = main.get_command(ctx, "open")
        if open_command is None:
            raise click.ClickException("the window is not installed")
        ctx.invoke(open_command)


TITLE_COLUMN_WIDTH = 60


@main.command("open")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@pass_context
@reports_errors
def open_command(obj: Context, paths: tuple[Path, ...] = ()) -> None:
    """Open the annotation window on the project, importing PATHS (files or folders of
    articles) first. On an empty project the window offers the sample articles."""
    from annotator.ui.app import run

    status = run(obj.db_path, obj.annotator if obj.annotator_given else None, list(paths))
    if status:
        raise SystemExit(status)


@main.command("install-desktop")
@click.option("--force", is_flag=True, help="Replace files a different version left there.")
@reports_errors
def install_desktop_command(force: bool) -> None:
    """Add annotator to the desktop's application menu: its entry, AppStream metadata and
    icon, under ~/.local/share (or $XDG_DATA_HOME)."""
    from annotator.core.project.desktop_entry import data_home, install_desktop, launch_command

    for path in install_desktop(data_home(), launch_command(), force=force):
        click.echo(f"wrote  {path}")


@main.command("docs")
@click.option(
    "--order",
    type=click.Choice(["project", "uncertainty"]),
    default="project",
    show_default=True,
    help="project: import order; uncertainty: the articles the project model is least "
    "sure about first (those that teach it most once annotated).",
)
@click.option(
    "--set-language",
    "set_language",
    nargs=2,
    metavar="ID LANGUAGE",
    help="Set document ID's language (fr, en, …; auto: detect it again): amounts are "
    "read in it.",
)
@pass_context
@reports_errors
def docs_command(
    obj: Context, order: str = "project", set_language: tuple[str, str] | None = None
) -> None:
    """List the project's documents: short id, title, and per annotator the status and
    number of spans."""
    if set_language:
        prefix, language = set_language
        if language != "auto" and not re.fullmatch(r"[a-z]{2}", language):
            raise click.BadParameter(
                f"{language!r}: give a two-letter code (fr, en, de) or auto",
                param_hint="--set-language",
            )
        with obj.store() as store:
            doc_id = store.resolve_document_id(prefix)
            store.set_language(doc_id, None if language == "auto" else language)
            title = store.document(doc_id).title
        shown = "detected from the text" if language == "auto" else language
        click.echo(f"{doc_id[:12]}  {title}: language {shown}")
        return
    doubt: dict[str, float] = {}
    with obj.store(reading=True) as store:
        summaries = store.document_summaries()
        statuses = store.all_statuses()
        counts = store.span_counts_by_document()
        if not summaries:
            click.echo("No documents yet: add some with `annotator import PATH`.")
            return
        if order == "uncertainty":
            from annotator.core.suggestions.model_suggester import uncertainty_by_document

            doubt = uncertainty_by_document(store)
            summaries.sort(key=lambda summary: -doubt.get(summary.id, 0.0))
    layers_by_document: dict[str, dict[str, str]] = {}
    for (doc_id, name), status in statuses.items():
        layers_by_document.setdefault(doc_id, {})[name] = status.value
    title_width = min(TITLE_COLUMN_WIDTH, max(len(s.title) for s in summaries))
    click.echo(f"{'id':<12}  {'doubt  ' if doubt else ''}{'title':<{title_width}}  annotators")
    for summary in summaries:
        span_counts = counts.get(summary.id, {})
        doc_statuses = layers_by_document.get(summary.id, {})
        layers = "; ".join(
            f"{name}: {doc_statuses.get(name, 'not_started').replace('_', ' ')}, "
            f"{span_counts.get(name, 0)} span{'' if span_counts.get(name, 0) == 1 else 's'}"
            for name in sorted(doc_statuses.keys() | span_counts.keys())
        )
        title = summary.title
        if len(title) > title_width:
            title = title[: title_width - 1] + "…"
        uncertain = f"{doubt[summary.id]:.2f}  " if summary.id in doubt else ""
        click.echo(
            f"{summary.id[:12]}  {uncertain}{title:<{title_width}}  {layers or 'not started'}"
        )
    total_spans = sum(sum(by_name.values()) for by_name in counts.values())
    click.echo(f"{counted(len(summaries), 'document')}, {counted(total_spans, 'span')}")


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--as",
    "as_name",
    help="Annotated files: the layer (annotator name) for spans whose file does not name "
    "their annotator.",
)
@click.option(
    "--map",
    "label_map",
    multiple=True,
    help="Annotated files: their labels (and relation types) to the project's, e.g. "
    "PER=person,ORG=organisation,Said=said_by; may be repeated (--map ',=punct' for a "
    "label with a comma).",
)
@click.option(
    "--map-file",
    "label_map_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Annotated files: a JSON object mapping their labels to the project\'s, '
    '{"PER": "person", ",": "punct"}; any label can be mapped this way.',
)
@click.option(
    "--add-labels",
    is_flag=True,
    help="Annotated files: add labels and relation types the project lacks instead of "
    "refusing their spans and links.",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(
        ["auto", "gold", "doccano", "labelstudio", "prodigy", "brat", "webanno", "suggestions"]
    ),
    default="auto",
    show_default=True,
    help="Which tool wrote the annotated files; auto recognises .json/.jsonl files "
    "(annotator suggest --json output too), brat folders (with .ann files) and "
    "INCEpTION/WebAnno TSV 3 files or folders.",
)
@click.option(
    "--predictions",
    is_flag=True,
    help="Label Studio: import predictions too (as suggestions), not only annotations.",
)
@click.option(
    "--offsets",
    type=click.Choice(["auto", "codepoints", "utf16"]),
    default="auto",
    show_default=True,
    help="Annotated files: the unit of their offsets; auto detects it from the span text.",
)
@click.option(
    "--partial",
    is_flag=True,
    help="Annotated files: import a file's good records even when some are refused "
    "(by default a file with a refused record is not imported at all).",
)
@pass_context
@reports_errors
def import_command(
    obj: Context,
    paths: tuple[str, ...],
    as_name: str | None = None,
    label_map: tuple[str, ...] = (),
    label_map_files: tuple[Path, ...] = (),
    add_labels: bool = False,
    format_name: str = "auto",
    predictions: bool = False,
    offsets: str = "auto",
    partial: bool = False,
) -> None:
    """Import articles: .txt, .md, .html, .htm, .pdf, .docx, .odt and .eml files, or
    folders of them (searched recursively), and files annotated in other tools; a .zip
    archive is read as its folder would be. Text may be UTF-8, UTF-16 with a byte order
    mark, or Windows-1252 / Latin-1; from HTML only the article's main text is kept, with
    the page's outlet, author, date and address. An article already in the
    project is left as it is. Exits with status 1 if any file failed."""
    # One import for the command and the window: the choices checked as an
    # ImportRequest, archives opened, articles and annotated files each to their importer.
    from annotator.core.importing.inputs import import_inputs, opened_inputs
    from annotator.core.importing.request import ImportRequest

    request = ImportRequest.from_choices(
        as_name=as_name,
        maps=label_map,
        map_files=label_map_files,
        add_labels=add_labels,
        offsets=offsets,
        format_name=format_name,
        predictions=predictions,
        partial=partial,
    )
    with (
        opened_inputs(paths, all_annotated=request.every_path_annotated) as inputs,
        obj.store() as store,
    ):
        if inputs.refused:  # a damaged or unsafe archive: nothing is imported
            raise inputs.refused[0]
        report = import_inputs(store, inputs, request)
    for line in report.annotations.lines():
        click.echo(line)
    for error in report.unreadable:
        click.echo(f"Error: {error}", err=True)
    if inputs.articles:
        echo_import_report(report)
    if report.failed or report.annotation_problems():
        click.get_current_context().exit(1)


def echo_import_report(report: ImportReport) -> None:
    """One line per file, then the counts: for every command that imports files."""
    for result in report.results:
        if result.outcome in ("imported", "present"):
            click.echo(
                f"{result.outcome:<8}  {result.path}  {(result.doc_id or '')[:12]}  "
                f"{result.title}"
            )
        else:
            click.echo(f"{result.outcome:<8}  {result.path}: {result.reason}")
    click.echo(report.summary())


@main.command("export")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="File to write (a folder for brat); a manifest OUT.manifest.json goes beside it.",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(
        [
            "jsonl", "spacy", "conll", "hf", "brat", "doccano", "labelstudio", "prodigy",
            "claimreview",
        ]
    ),
    default="jsonl",
    show_default=True,
    help="jsonl: gold JSONL; spacy: DocBin; conll: CoNLL-2003 IOB2; hf: Hugging Face JSONL; "
    "brat: .txt/.ann folder; doccano, labelstudio, prodigy: their JSON(L); claimreview: "
    "the gold claims' verdicts as schema.org ClaimReview JSON-LD. "
    "See README, Export formats, for what each keeps.",
)
@click.option(
    "--gold",
    is_flag=True,
    help="Export the gold (reviewed) layer instead of the annotators' layers.",
)
@click.option(
    "--align",
    type=click.Choice(["strict", "contract", "expand"]),
    default="strict",
    show_default=True,
    help="Token formats (spacy, conll, hf, prodigy): a span that cuts a token is dropped "
    "(strict), shrunk to the tokens inside it (contract) or grown to whole tokens (expand).",
)
@click.option(
    "--offsets",
    type=click.Choice(["codepoints", "utf16"]),
    help="doccano and labelstudio only: offset unit. Default: utf16 for doccano (as it "
    "counts), codepoints for Label Studio (since 2021).",
)
@click.option(
    "--annotator",
    "annotators",
    multiple=True,
    help="Export only this annotator's spans (repeat for several). Default: everyone's.",
)
@click.option(
    "--status",
    type=click.Choice(["any", "done", "reviewed"]),
    default="any",
    show_default=True,
    help="Which layers: any with spans or a status; only those marked done; only reviewed.",
)
@click.option(
    "--labels",
    help="Comma-separated labels to keep, e.g. claim,denial. Default: all.",
)
@click.option(
    "--split",
    "split_text",
    help="Split by document, e.g. train=0.8,dev=0.1,test=0.1: every layer of a document "
    "in the same part, one file per part (OUT.train.jsonl; hf: one file per part in its "
    "folder).",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="With --split: the same seed gives the same parts.",
)
@pass_context
@reports_errors
def export_command(
    obj: Context,
    output: Path,
    annotators: tuple[str, ...],
    status: str,
    labels: str | None,
    format_name: str = "jsonl",
    gold: bool = False,
    align: str = "strict",
    offsets: str | None = None,
    split_text: str | None = None,
    seed: int = 0,
) -> None:
    """Write the dataset: gold JSONL (one document per line with its spans) or another
    tool's format. Lossy formats report every span they drop, trim or expand."""
    from annotator.core.formats.export import ExportOptions
    from annotator.core.formats.registry import export_format
    from annotator.core.splits import parse_split

    split = parse_split(split_text, seed) if split_text else None

    options = ExportOptions(
        annotators=list(annotators) or None,
        gold=gold,
        labels=[label.strip() for label in labels.split(",")] if labels else None,
        status=status,
    )
    with obj.store(reading=True) as store:
        report = export_format(
            store, format_name, output, options, align=align, offsets=offsets, split=split
        )
    for line in report.summary_lines():
        click.echo(line)


@main.group("settings")
def settings_group() -> None:
    """The project's settings for what it publishes: the outlet named as the author of
    ClaimReview exports (publisher.name, publisher.url, publisher.review_url)."""


@settings_group.command("list")
@pass_context
@reports_errors
def settings_list(obj: Context) -> None:
    """Every setting, its value (or "not set") and what it is for."""
    from annotator.core import project_settings

    with obj.store(reading=True) as store:
        values = project_settings.settings(store)
    for key, value in values.items():
        click.echo(f"{key} = {value if value is not None else '(not set)'}")
        click.echo(f"    {project_settings.SETTINGS[key]}")


@settings_group.command("set")
@click.argument("key")
@click.argument("value")
@pass_context
@reports_errors
def settings_set(obj: Context, key: str, value: str) -> None:
    """Set KEY to VALUE, e.g. publisher.name "Le Journal"."""
    from annotator.core import project_settings

    with obj.store() as store:
        project_settings.set_setting(store, key, value)
        click.echo(f"{key} = {store.setting(key)}")


@settings_group.command("unset")
@click.argument("key")
@pass_context
@reports_errors
def settings_unset(obj: Context, key: str) -> None:
    """Remove KEY's value."""
    from annotator.core import project_settings

    with obj.store() as store:
        project_settings.set_setting(store, key, None)
    click.echo(f"{key} is not set")


@main.group("verdict")
def verdict_group() -> None:
    """The verdicts on reviewed claims (the gold layer's claims and denials), which
    'export --format claimreview' publishes."""


@verdict_group.command("list")
@pass_context
@reports_errors
def verdict_list(obj: Context) -> None:
    """Each reviewed claim: its short id, its verdict (or -), its article, its text."""
    from annotator.core import claim_verdicts
    from annotator.core.verdicts import VERDICT_ATTRIBUTE

    with obj.store(reading=True) as store:
        spans = claim_verdicts.reviewed_statements(store)
    for span in spans:
        verdict = span.attrs.get(VERDICT_ATTRIBUTE) or "-"
        click.echo(f"{span.id[:12]}  {verdict:<12}  {span.doc_id[:12]}  {span.text!r}")
    click.echo(f"{len(spans)} reviewed claim{'s' * (len(spans) != 1)}")


@verdict_group.command("set")
@click.argument("span")
@click.argument("verdict")
@pass_context
@reports_errors
def verdict_set(obj: Context, span: str, verdict: str) -> None:
    """Give the reviewed claim whose id starts with SPAN the VERDICT (true, mostly true,
    half true, mostly false, false, unverifiable)."""
    from annotator.core import claim_verdicts

    with obj.store() as store:
        changed = claim_verdicts.set_verdict(store, span, verdict)
    click.echo(f"{changed.id[:12]}  {verdict}  {changed.text!r}")


@verdict_group.command("clear")
@click.argument("span")
@pass_context
@reports_errors
def verdict_clear(obj: Context, span: str) -> None:
    """Take the verdict away from the reviewed claim whose id starts with SPAN."""
    from annotator.core import claim_verdicts

    with obj.store() as store:
        changed = claim_verdicts.set_verdict(store, span, None)
    click.echo(f"{changed.id[:12]}  no verdict  {changed.text!r}")
@main.command("search")
@click.argument("query")
@click.option(
    "--label",
    help="Only the hits that lie inside a span of this label (anyone's): where the "
    "word was tagged so.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit and line.")
@click.option(
    "--limit", type=click.IntRange(min=1), help="Stop after this many hits. Default: all."
)
@pass_context
@reports_errors
def search_command(
    obj: Context, query: str, label: str | None, as_json: bool, limit: int | None
) -> None:
    """Find QUERY in every article's text and title, accents and case aside: words
    (all of them must be in the article), "a phrase", or the start of a word and *
    (bosw*). One hit per line: document id, offsets (code points into the text, end
    exclusive; "title:" when the hit is in the title), title, and the hit [in brackets]
    in its context. How many were found goes to stderr."""
    import json

    from annotator.core.search import parse_query, search

    parsed = parse_query(query)
    with obj.store(reading=True) as store:
        if label is not None and store.label_set().get(label) is None:
            raise click.ClickException(f"no label {label!r} in the project")
        result = search(store, parsed, limit=limit, label=label)
    for hit in result.hits:
        if as_json:
            click.echo(json.dumps(hit.as_json(), ensure_ascii=False))
            continue
        where = f"{'title:' if hit.field == 'title' else ''}{hit.start}-{hit.end}"
        context = f"{hit.before}[{click.style(hit.match, bold=True)}]{hit.after}"
        click.echo(f"{hit.doc_id[:12]}\t{where}\t{hit.title[:60]}\t{context.strip()}")
    found = (
        f"{counted(len(result.hits), 'hit')} in {counted(result.document_count, 'document')}"
    )
    more = "" if result.complete else f" (the first {limit}: there are more)"
    click.echo(found + more, err=True)


@main.command("validate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@reports_errors
def validate_command(file: Path) -> None:
    """Check a gold JSONL file against schemas/gold.schema.json, every span against
    text[start:end], and span ids for duplicates. Prints each problem with its line
    number; exits with status 1 if there is any."""
    from annotator.core.formats.validate import validate_gold_file

    problems = validate_gold_file(file)
    for problem in problems:
        click.echo(f"{file}:{problem.line}: {problem.message}")
    if problems:
        click.echo(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {file}")
        click.get_current_context().exit(1)
    click.echo(f"{file}: valid")


# -- reliability: backup and carry-over ---------------------------------------


@main.command("backup")
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--force",
    is_flag=True,
    help="Replace OUTPUT if it already exists (it must be a backup, not the project).",
)
@pass_context
@reports_errors
def backup_command(obj: Context, output: Path, force: bool) -> None:
    """Copy the project to OUTPUT (a consistent snapshot, safe while the window is open)."""
    if output.exists() and not force:
        raise click.ClickException(f"{output}: already exists; use --force to replace it")
    # A writable connection, although it only reads: a read-only one leaves the -wal
    # and -shm files behind when it closes.
    with obj.store(reading=True) as store:
        store.backup_to(output)
        documents, spans = store.document_count(), store.span_count()
    click.echo(
        f"Backed up {counted(documents, 'document')} and {counted(spans, 'span')} to {output}"
    )


@main.command("carry-over")
@click.argument("old")
@click.argument("new")
@click.option(
    "--annotator",
    "annotator",
    help="Carry over only this annotator's spans. Default: everyone's.",
)
@pass_context
@reports_errors
def carry_over_command(obj: Context, old: str, new: str, annotator: str | None) -> None:
    """Re-anchor the spans of document OLD on its corrected version NEW (id prefixes,
    as `annotator docs` shows them), by exact quote and context; lists what it could
    not place."""
    from annotator.core.carry_over import carry_over

    with obj.store() as store:
        old_id, new_id = store.resolve_document_id(old), store.resolve_document_id(new)
        report = carry_over(store, old_id, new_id, annotator)
    click.echo(
        f"Carried {counted(len(report.carried), 'span')} from {old_id[:12]} to {new_id[:12]}"
        + (
            f"; {len(report.already_there)} {'was' if len(report.already_there) == 1 else 'were'}"
            " already there"
            if report.already_there
            else ""
        )
        + f", and {len(report.carried_links)} of {counted(report.links, 'link')}"
        + (
            f" ({report.links_already_there} were already there)"
            if report.links_already_there
            else ""
        )
    )
    if report.carried_notes or report.notes_already_there:
        click.echo(
            f"Carried {counted(len(report.carried_notes), 'note')}"
            + (
                f" ({report.notes_already_there} had a note by the same author there already)"
                if report.notes_already_there
                else ""
            )
        )
    if report.links_not_carried:
        click.echo(
            f"Could not carry {counted(len(report.links_not_carried), 'link')} (a span they "
            "join was not placed)"
        )
    if report.not_placed:
        click.echo(
            f"Could not place {counted(len(report.not_placed), 'span')} (the text is gone):"
        )
        for span in report.not_placed:
            click.echo(f"  {span.annotator}  {span.label}  {span.start}-{span.end}  {span.text!r}")


@main.command("suggest")
@click.option("--doc", "doc_prefix", help="Only the document whose id starts with this.")
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per line instead of a table."
)
@click.option(
    "--suggesters",
    default="amount,gazetteer,model",
    show_default=True,
    help="Comma-separated suggesters to run: amount, gazetteer, model (model needs the "
    "suggest-model extra; it is skipped, with a note, when missing), project-model (the "
    "newest model `annotator train` made for the project, with its confidence).",
)
@click.option(
    "--evaluate",
    is_flag=True,
    help="Instead of listing suggestions, measure each suggester's precision and recall "
    "against the annotator's spans (gazetteer: leave-one-document-out).",
)
@click.option(
    "--annotator",
    "annotator",
    help="Whose layer suggestions must not repeat, or is evaluated against. "
    "Default: the global --annotator.",
)
@pass_context
@reports_errors
def suggest_command(
    obj: Context,
    doc_prefix: str | None,
    as_json: bool,
    suggesters: str,
    evaluate: bool,
    annotator: str | None,
) -> None:
    """Propose spans nobody has made yet: amounts (with their value and currency),
    entities tagged elsewhere in the project, and optionally spaCy's people and
    organisations. Nothing is stored; the window accepts or rejects them."""
    import json

    from annotator.core.amounts import reading as amounts
    from annotator.core.suggestions import suggest

    names = [name.strip() for name in suggesters.split(",") if name.strip()]
    name = annotator or obj.annotator
    with obj.store(reading=True) as store:
        if evaluate:
            click.echo(suggest.format_evaluation(suggest.evaluate(store, name, names)))
            return
        suggester = suggest.Suggester(store, names)
        for skipped, reason in suggester.unavailable.items():
            click.echo(f"{skipped} suggester unavailable: {reason}", err=True)
        doc_ids = [store.resolve_document_id(doc_prefix)] if doc_prefix else store.document_ids()
        for doc_id in doc_ids:
            try:
                found = list(suggester.for_document(doc_id, name))
            except DamagedDocument:
                continue  # named with the other damaged rows when the store closes
            for item in found:
                if as_json:
                    record = {
                        "doc": item.doc_id,
                        "start": item.start,
                        "end": item.end,
                        "label": item.label,
                        "text": item.text,
                        "origin": item.origin,
                    }
                    if item.label == amounts.AMOUNT_LABEL:
                        record["attrs"] = item.attrs
                    if item.suggester == "project-model":
                        record["score"] = round(item.score, 4)
                    click.echo(json.dumps(record, ensure_ascii=False))
                else:
                    reading = (
                        amounts.format_amount(item.attrs)
                        if item.label == amounts.AMOUNT_LABEL
                        else ""
                    )
                    if item.suggester == "project-model":
                        reading = f"confidence {item.score:.2f}"
                    click.echo(
                        f"{item.doc_id[:12]}  {item.start:>6}-{item.end:<6}  {item.label:<12}  "
                        f"{item.suggester:<9}  {item.text!r}  {reading}".rstrip()
                    )
        for language, (reason, count) in suggester.model_skipped.items():
            click.echo(
                f"model suggester skipped {count} document{'s' * (count != 1)} in "
                f"{language}: {reason}",
                err=True,
            )


# -- the project model: train, evaluate, learning curve, models ----------------------


def _training_options(
    layer: str | None, status: str, split: str, seed: int, epochs: int | None
) -> Any:
    from annotator.core.models import GOLD_LAYER
    from annotator.core.training.train import TrainingOptions

    return TrainingOptions(
        layer=layer or GOLD_LAYER, status=status, split=split, seed=seed, epochs=epochs
    )


def _training_data_options(command: F) -> F:
    """The options saying what a model learns from, shared by train and train-curve."""
    from annotator.core.training.train import DEFAULT_SPLIT

    for option in reversed(
        [
            click.option(
                "--annotator",
                "layer",
                help="Learn this annotator's layer. Default: the gold (reviewed) layer.",
            ),
            click.option(
                "--status",
                type=click.Choice(["any", "done", "reviewed"]),
                default="any",
                show_default=True,
                help="Which documents of the layer: any with spans or a status; done (or "
                "reviewed); reviewed only.",
            ),
            click.option(
                "--split",
                default=DEFAULT_SPLIT,
                show_default=True,
                help="Document-level split, as for export --split: the model learns from "
                "train and is scored on test (when given), else dev.",
            ),
            click.option(
                "--seed", default=0, show_default=True, type=int, help="Seed of the split."
            ),
            click.option(
                "--epochs",
                type=click.IntRange(1, 1000),
                help="Passes over the training documents. Default: from the amount of data.",
            ),
        ]
    ):
        command = option(command)
    return command


class _TrainingReporter:
    """Progress on stderr: a line per epoch (and per step of a learning curve)."""

    def __init__(self) -> None:
        self.last: tuple[str, int] | None = None

    def __call__(self, progress: Any) -> None:
        key = (progress.stage, progress.epoch)
        done_epoch = progress.step % max(1, progress.steps // progress.epochs) == 0
        # About ten lines per run, and always the last epoch.
        shown = progress.epoch % max(1, progress.epochs // 10) == 0 or progress.epoch == 1
        if key != self.last and done_epoch and (shown or progress.step == progress.steps):
            self.last = key
            stage = f"[{progress.stage}] " if progress.stage else ""
            click.echo(
                f"{stage}epoch {progress.epoch}/{progress.epochs}  loss {progress.loss:.1f}",
                err=True,
            )


@contextmanager
def _cancelled_by_ctrl_c() -> Iterator[Callable[[], bool]]:
    """Ctrl+C stops the training, writes nothing and exits with 130. It raises
    KeyboardInterrupt at once, and also sets a flag the training loop polls between
    batches: Python prints and ignores an interrupt that lands in a finalizer, and the
    training would otherwise run to its end and write the model."""
    from annotator.core.training.train import TrainingCancelled

    pressed = threading.Event()

    def interrupted(signum: int, frame: object) -> None:
        pressed.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield pressed.is_set
    except (KeyboardInterrupt, TrainingCancelled):
        click.echo("Training cancelled (Ctrl+C); nothing was written.", err=True)
        raise SystemExit(130) from None
    finally:
        signal.signal(signal.SIGINT, previous)


@main.command("train")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Model directory to write (meta.json and the spaCy pipeline).",
)
@_training_data_options
@click.option("--force", is_flag=True, help="Replace a model already in OUTPUT.")
@pass_context
@reports_errors
def train_command(
    obj: Context,
    output: Path,
    layer: str | None,
    status: str,
    split: str,
    seed: int,
    epochs: int | None,
    force: bool,
) -> None:
    """Train the project model on the gold layer (or an annotator's): a spaCy span
    categorizer for claims and denials and an entity recognizer for people,
    organisations and amounts, on a CPU, offline. Prints its scores on the held-out
    documents. Ctrl+C stops it and writes nothing."""
    from annotator.core.training import train as training
    from annotator.core.training.evaluation import format_scores

    options = _training_options(layer, status, split, seed, epochs)
    with obj.store() as store, _cancelled_by_ctrl_c() as cancelled:
        meta = training.train(
            store, output, options, _TrainingReporter(), cancelled, replace=force
        )
    spans = meta.scores.overall.exact.reference if meta.scores else 0
    click.echo(
        f"Trained on {len(meta.trained_on)} document(s) of the {meta.layer} layer in "
        f"{meta.training_seconds:.0f} s ({meta.epochs} epochs, {meta.features}); "
        f"scored on {len(meta.documents.get(meta.held_out_part, []))} held-out "
        f"({meta.held_out_part}) document(s) with {spans} span(s):"
    )
    if meta.scores is not None:
        for line in format_scores(meta.scores):
            click.echo(line)
    click.echo(f"Wrote {output}")


@main.command("evaluate")
@click.argument("model_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--annotator",
    "layer",
    help="The layer to measure against. Default: the one the model learnt.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@pass_context
@reports_errors
def evaluate_command(obj: Context, model_dir: Path, layer: str | None, as_json: bool) -> None:
    """Precision, recall and F1 per label (exact and overlap match) of the model in
    MODEL_DIR on the documents it held out, next to the annotators' own agreement on
    those documents: the ceiling a model can be expected to reach."""
    from annotator.core.training.evaluation import evaluate_model, format_evaluation

    with obj.store() as store:
        evaluation = evaluate_model(store, model_dir, layer)
    click.echo(evaluation.model_dump_json(indent=2) if as_json else format_evaluation(evaluation))


@main.command("train-curve")
@_training_data_options
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the curve (F1 per label against training documents) as a PNG file.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@pass_context
@reports_errors
def train_curve_command(
    obj: Context,
    layer: str | None,
    status: str,
    split: str,
    seed: int,
    epochs: int | None,
    plot: Path | None,
    as_json: bool,
) -> None:
    """Train on 25, 50, 75 and 100 % of the training documents and print the held-out
    F1 per label at each step: does more annotation still help? Nothing is saved."""
    from annotator.core.training import train as training

    options = _training_options(layer, status, split, seed, epochs)
    with obj.store() as store, _cancelled_by_ctrl_c() as cancelled:
        curve = training.train_curve(
            store, options, progress=_TrainingReporter(), should_cancel=cancelled
        )
    if as_json:
        click.echo(training.curve_json(curve))
    else:
        click.echo(training.format_curve(curve))
    if plot is not None:
        from annotator.core.training.curve_plot import write_curve_png

        write_curve_png(curve, plot)
        click.echo(f"Wrote {plot}")


@main.command("models")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@pass_context
@reports_errors
def models_command(obj: Context, paths: tuple[Path, ...]) -> None:
    """List the models trained on the project (or the model directories PATHS): when,
    on which layer and documents, and their held-out F1."""
    from annotator.core.training.project_model import (
        ModelError,
        ModelMeta,
        project_models,
        read_meta,
    )

    listed: list[tuple[Path, ModelMeta | None]] = []
    if paths:
        for path in paths:
            try:
                listed.append((path, read_meta(path)))
            except ModelError:
                listed.append((path, None))
    else:
        with obj.store() as store:
            listed = project_models(store)
    if not listed:
        click.echo("No models yet: train one with `annotator train -o MODEL_DIR`.")
        return
    for path, meta in listed:
        if meta is None:
            click.echo(f"{path}  (missing, or not a model)")
            continue
        f1 = meta.scores.overall.exact.f1 if meta.scores else None
        overlap = meta.scores.overall.overlap.f1 if meta.scores else None
        click.echo(
            f"{path}  {meta.created_at[:16].replace('T', ' ')}  {meta.layer} layer, "
            f"{len(meta.trained_on)} document(s) trained on, "
            f"{len(meta.documents.get(meta.held_out_part, []))} held out; labels "
            f"{', '.join([*meta.span_labels, *meta.entity_labels])}; F1 "
            f"{'-' if f1 is None else f'{f1:.2f}'} exact, "
            f"{'-' if overlap is None else f'{overlap:.2f}'} overlap"
        )


@main.command("merge")
@click.argument("other", type=click.Path(dir_okay=False, path_type=Path))
@pass_context
@reports_errors
def merge_command(obj: Context, other: Path) -> None:
    """Bring in another journalist's project file (OTHER, read only): documents are
    matched by their text, each annotator's spans stay their own layer, and merging the
    same file twice adds nothing. An article whose text differs from ours (same source
    or title) is imported beside ours and reported. Whole articles at a time, so others can
    work meanwhile; run it again after an interruption."""
    from annotator.core.project.merge import merge_project

    with obj.store() as store:
        report = merge_project(store, other)
    echo_merge_report(report)


def echo_merge_report(report: Any, verb: str = "Merged", ours: str = "ours") -> None:
    per_annotator = ", ".join(
        f"{name} {count}" for name, count in sorted(report.spans_added.items())
    )
    click.echo(
        f"{verb} {report.path}: {counted(report.documents_added, 'document')} added, "
        f"{report.documents_matched} already here; "
        f"{counted(report.total_spans_added, 'span')} added"
        + (f" ({per_annotator})" if per_annotator else "")
        + f", {report.spans_already_present} already here, {report.spans_duplicate} duplicates"
        f"; {counted(report.links_added, 'link')} added ({report.links_already_present} already "
        f"here); {counted(report.statuses_carried, 'status', 'statuses')} and "
        f"{counted(report.decisions_added, 'review decision')} carried; "
        f"{counted(report.notes_added, 'note')} added ({report.notes_already_present} already "
        "here)"
        + (f"; labels added: {', '.join(report.labels_added)}" if report.labels_added else "")
    )
    if report.note_conflicts:
        click.echo(
            f"{counted(len(report.note_conflicts), 'note')} written differently in both "
            f"projects: {ours} kept."
        )
        for conflict in report.note_conflicts:
            click.echo(f"  {conflict}")
    if report.spans_conflicting:
        click.echo(
            f"{counted(report.spans_conflicting, 'span')} changed in both projects: {ours} kept."
        )
        for conflict in report.conflicts:
            click.echo(f"  {conflict}")
    for difference in report.scheme_differences:
        click.echo(f"Scheme differs: {difference}")
    for refused in report.links_refused:
        click.echo(f"Link not merged: {refused}")
    if report.damaged_rows:
        click.echo(
            f"Left out {len(report.damaged_rows)} damaged row"
            f"{'s' * (len(report.damaged_rows) != 1)} of {report.path}:"
        )
        for damaged in report.damaged_rows:
            click.echo(f"  {damaged}")
    for changed in report.changed_articles:
        click.echo(
            f"Changed article ({changed.reason}: {changed.source or changed.title!r}): theirs "
            f"{changed.theirs[:12]} was imported beside ours "
            f"{', '.join(doc_id[:12] for doc_id in changed.ours)}; its text differs."
        )


def _as_server(location: str) -> str:
    if not is_server_url(location):
        raise click.ClickException(
            f"{location}: not a server's project (postgresql://you@host/project)"
        )
    return location


@main.command("push")
@click.argument("server")
@pass_context
@reports_errors
def push_command(obj: Context, server: str) -> None:
    """Bring the work in the project file (--db) to the shared project on SERVER
    (postgresql://you@host/project), as merge does: what the server lacks is added,
    nothing is doubled, a span changed on both sides keeps the server's and is counted.
    For working offline: pull, work on the file, push."""
    from annotator.core.project.merge import merge_project
    from annotator.core.project.staying_spans import spans_not_in
    from annotator.core.store.postgres import PostgresStore

    if isinstance(obj.db_path, str) and is_server_url(obj.db_path):
        raise click.ClickException("push takes the project file with --db, the server as SERVER")
    with Store(_as_server(server)) as shared:
        report = merge_project(shared, obj.db_path)
        with Store(obj.db_path, read_only=True) as pushed:
            # Only one's own layer: colleagues' spans added since the pull are no news.
            role = shared.role if isinstance(shared, PostgresStore) else None
            staying = spans_not_in(pushed, shared, role)
    echo_merge_report(report, "Pushed", "the server's")
    if staying:
        whose = f"{role}'s spans" if role is not None else "spans"
        _echo_staying(
            staying,
            f"{len(staying)} of {whose} on the server {'is' if len(staying) == 1 else 'are'} "
            f"not in {obj.db_path} (deleted there, or added on the server since the pull): "
            "a push never deletes, so they stay on the server; delete them there if they "
            "should go:",
        )


@main.command("pull")
@click.argument("server")
@pass_context
@reports_errors
def pull_command(obj: Context, server: str) -> None:
    """Bring the shared project on SERVER into the project file (--db, created if need
    be), as merge does: everyone's work, nothing doubled, conflicts counted."""
    from annotator.core.project.merge import merge_project
    from annotator.core.project.staying_spans import spans_not_in
    from annotator.core.store.postgres import without_password

    with obj.store() as store:
        report = merge_project(store, _as_server(server))
        with Store(_as_server(server), read_only=True) as shared:
            staying = spans_not_in(shared, store)
    report.path = without_password(report.path)
    echo_merge_report(report, "Pulled")
    if staying:
        _echo_staying(
            staying,
            f"{counted(len(staying), 'span')} in the project file "
            f"{'is' if len(staying) == 1 else 'are'} not on the server (deleted there, or "
            "not pushed yet): a pull never deletes, so they stay in the file; push them, "
            "or delete them here if they should go:",
        )


def _echo_staying(spans: list[Any], heading: str) -> None:
    """The spans a push or pull left where they are, the first ten by name."""
    click.echo(heading)
    for span in spans[:10]:
        click.echo(f"  {span.annotator}'s span {span.id} {span.text!r} ({span.label})")
    if len(spans) > 10:
        click.echo(f"  and {len(spans) - 10} more")


@main.group("server")
def server_group() -> None:
    """A shared project on a PostgreSQL server, for a team (README, "Working as a
    team"): --db postgresql://you@host/project opens it in every command and the window."""


def _server_url(obj: Context) -> str:
    if not isinstance(obj.db_path, str) or not is_server_url(obj.db_path):
        raise click.ClickException(
            "give the server's project with --db postgresql://admin@host/project "
            "(or ANNOTATOR_DB)"
        )
    return obj.db_path


@server_group.command("init")
@pass_context
@reports_errors
def server_init_command(obj: Context) -> None:
    """Create (or bring up to date) the project's tables, the annotator, reviewer and
    owner roles and the rules of who may write what, as the database's owner."""
    from annotator.core.store import migrations_postgres
    from annotator.core.store.postgres import connect, without_password

    url = _server_url(obj)
    with connect(url) as conn:
        version = migrations_postgres.init_server(conn)
    click.echo(
        f"Project ready on {without_password(url)} (schema {version}); "
        "add people with: annotator server add-user NAME --role annotator|reviewer|owner"
    )


@server_group.command("add-user")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(["annotator", "reviewer", "owner"]),
    required=True,
    help="annotator: their own layer and statuses; reviewer: also the gold layer and "
    "review decisions; owner: also labels, assignments and imports.",
)
@click.option("--password", help="The password they log in with (none: the server's own rules).")
@pass_context
@reports_errors
def server_add_user_command(obj: Context, name: str, role: str, password: str | None) -> None:
    """Let NAME log in to the project with ROLE's rights (again: change their role)."""
    from annotator.core.store import migrations_postgres
    from annotator.core.store.postgres import connect

    with connect(_server_url(obj)) as conn:
        migrations_postgres.add_user(conn, name, role, password)
    click.echo(f"{name} may now work on the project as {role}.")


@server_group.command("local")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--stop", is_flag=True, help="Stop the server started in FOLDER.")
@click.option("--user", "owner", help="The project owner's role to create (default: you).")
@reports_errors
def server_local_command(folder: Path, stop: bool, owner: str | None) -> None:
    """Start a PostgreSQL server of your own in FOLDER (created the first time) for
    trying team mode on this machine: the project is set up, you are its owner, and the
    URL to give --db is printed. Only this machine can connect."""
    from annotator.core.project import local_server
    from annotator.core.store import migrations_postgres
    from annotator.core.store.postgres import connect

    if stop:
        local_server.stop(local_server.LocalServer(folder.resolve(), 0))
        click.echo(f"Stopped the server in {folder}.")
        return
    server = local_server.start(folder)
    name = owner or default_annotator()
    with connect(server.url()) as conn:
        migrations_postgres.init_server(conn)
        migrations_postgres.add_user(conn, name, "owner")
    click.echo(f"PostgreSQL is running in {folder}; open the project with:")
    click.echo(f"  annotator --db '{server.url(user=name)}'")
    click.echo(
        f"Add colleagues: annotator --db '{server.url()}' server add-user NAME --role annotator"
    )
    click.echo(f"Stop it: annotator server local {folder} --stop")


@main.command("assign")
@click.option(
    "--annotators",
    "names",
    required=True,
    help="Comma-separated: who gets articles, e.g. alice,bob,chloe.",
)
@click.option(
    "--per-article",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="How many annotators each article needs (2 or more measures agreement).",
)
@pass_context
@reports_errors
def assign_command(obj: Context, names: str, per_article: int) -> None:
    """Give every article to --per-article of the annotators, evenly (the owner's job on a
    shared project); each one's article list then starts with their queue. Run it again
    after an import: only the new articles, and those still short of annotators, are given."""
    from annotator.core.project.assignment import assign

    annotators = [name.strip() for name in names.split(",") if name.strip()]
    with obj.store() as store:
        given = assign(store, annotators, per_article)
    if not given:
        click.echo(f"Every article already has {per_article} of them; nothing given.")
        return
    shares = ", ".join(f"{name} {given.get(name, 0)}" for name in annotators)
    click.echo(f"Gave {counted(sum(given.values()), 'article')} out: {shares}.")


@main.command("progress")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of a table.")
@pass_context
@reports_errors
def progress_command(obj: Context, as_json: bool) -> None:
    """How far each annotator has got: the articles given to them, their articles by
    status, their spans by label, and each pair's agreement so far (exact F1)."""
    from annotator.core.project.assignment import progress

    with obj.store(reading=True) as store:
        report = progress(store)
    if as_json:
        click.echo(report.model_dump_json(indent=2))
        return
    click.echo(f"{counted(report.documents, 'article')} in the project")
    header = f"{'annotator':<16} {'given':>6} {'not started':>12} {'in progress':>12} "
    click.echo(header + f"{'done':>6} {'reviewed':>9}  spans by label")
    for person in report.annotators:
        statuses = person.statuses
        labels = ", ".join(f"{label} {count}" for label, count in person.spans.items())
        click.echo(
            f"{person.annotator:<16} {person.assigned:>6} {statuses['not_started']:>12} "
            f"{statuses['in_progress']:>12} {statuses['done']:>6} {statuses['reviewed']:>9}  "
            f"{labels or '-'}"
        )
    for pair in report.agreement:
        f1 = "-" if pair.f1 is None else f"{pair.f1:.2f}"
        click.echo(
            f"agreement {pair.a} / {pair.b}: F1 {f1} over {counted(pair.documents, 'article')}"
        )


@main.command("agreement")
@click.option(
    "--annotators",
    help="Comma-separated annotators to compare, e.g. alice,bob. Default: everyone but gold.",
)
@click.option("--labels", help="Comma-separated labels to measure. Default: all used.")
@click.option(
    "--done-only",
    is_flag=True,
    help="Only documents both annotators of a pair marked done (or reviewed).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@pass_context
@reports_errors
def agreement_command(
    obj: Context, annotators: str | None, labels: str | None, done_only: bool, as_json: bool
) -> None:
    """Inter-annotator agreement: per pair of annotators, per label and overall,
    precision, recall and F1 with exact and overlap matching, token Cohen's kappa; then
    Krippendorff's alpha across all of them."""
    from annotator.core.review import agreement

    def names(value: str | None) -> list[str] | None:
        items = [item.strip() for item in value.split(",") if item.strip()] if value else []
        return items or None

    with obj.store(read_only=True) as store:
        report = agreement.compute(
            store, annotators=names(annotators), labels=names(labels), done_only=done_only
        )
    click.echo(report.model_dump_json(indent=2) if as_json else agreement.format_table(report))


# -- attribution: links, checks and the editorial report -------------------


def _layer_option(help_text: str) -> Callable[[F], F]:
    return click.option("--annotator", "layer", help=help_text)


@main.command("report")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML file to write (replaced atomically if it exists).",
)
@_layer_option(
    "Whose tags and links to show, e.g. gold. Default: the gold layer when it has "
    "tags, else every annotator's."
)
@click.option(
    "--language",
    type=click.Choice(["en", "fr"]),
    default="en",
    show_default=True,
    help="Language of the report: its headings, counts, amounts, dates and label names.",
)
@click.option(
    "--title",
    default=None,
    help="The report's title. Default: \"Editorial report\" in the report's language.",
)
@pass_context
@reports_errors
def report_command(
    obj: Context, output: Path, layer: str | None, language: str, title: str | None
) -> None:
    """Write the editorial report: one self-contained HTML file with the claim ledger,
    what each source claimed and denied, the attribution checks, and every tagged
    article highlighted by label. Prints cleanly; opens in any browser, offline."""
    from annotator.core.report import render as report

    with obj.store(reading=True) as store:
        chosen = layer or report.default_layer(store)
        built = report.write_report(store, output, chosen, language=language, title=title)
    click.echo(
        f"Wrote {output}: {counted(len(built.groups), 'claim')}, "
        f"{counted(len(built.denials), 'denial')}, {counted(len(built.sources), 'source')}, "
        f"{counted(len(built.problems), 'problem')} "
        f"({chosen or 'every annotator'})"
    )


@main.command("links")
@click.option(
    "--doc",
    "doc_prefix",
    help="Only links with an end in the document whose id starts with this.",
)
@_layer_option("Only this annotator's links. Default: everyone's.")
@pass_context
@reports_errors
def links_command(obj: Context, doc_prefix: str | None, layer: str | None) -> None:
    """List links between spans (said_by, denies, amount_of, same_as): type, the two
    spans' text and their documents' short ids, and who made the link."""
    from annotator.core.attribution import links

    with obj.store(reading=True) as store:
        doc_id = store.resolve_document_id(doc_prefix) if doc_prefix else None
        found = links.resolve(
            store, store.links(doc_id=doc_id, annotators=[layer] if layer else None)
        )
    for item in found:
        click.echo(
            f"{item.link.type:<9}  {item.source.doc_id[:12]} {item.source.text!r}  ->  "
            f"{item.target.doc_id[:12]} {item.target.text!r}  ({item.link.annotator})"
        )
    click.echo(f"{len(found)} link{'s' * (len(found) != 1)}")


@main.group("labels")
def labels_command() -> None:
    """The project's scheme: its labels, their attributes and guidelines. Every change
    makes a new scheme version; a label is retired, never deleted, so old spans keep it."""


@labels_command.command("list")
@click.option("--json", "as_json", is_flag=True, help="The scheme as JSON.")
@pass_context
@reports_errors
def labels_list_command(obj: Context, as_json: bool) -> None:
    """Each label: name, keys, colour, kind, attributes, and whether it is retired."""
    import json

    from annotator.core.palette import shortcut_keys

    with obj.store(reading=True) as store:
        label_set = store.label_set()
        counts = store.span_counts_by_label()
    if as_json:
        data = label_set.model_dump(mode="json")
        for label in data["labels"]:
            label["spans"] = counts.get(label["name"], 0)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"scheme version {label_set.version}")
    for label in label_set.labels:
        retired = "  (retired)" if label.retired else ""
        click.echo(
            f"{label.name:<14} {shortcut_keys(label):<5} {label.color}  {label.kind:<9} "
            f"{label.display.get('en', label.name)} / {label.display.get('fr', label.name)}  "
            f"{counted(counts.get(label.name, 0), 'span')}{retired}"
        )
        for attribute in label.attributes:
            values = f": {', '.join(attribute.choices)}" if attribute.choices else ""
            key = f" [{attribute.key}]" if attribute.key else ""
            click.echo(f"    {label.name}.{attribute.name}{key} ({attribute.kind}){values}")


def _colour_checked(write: Callable[[bool], Any], force: bool) -> Any:
    from annotator.core.scheme import ColourRefused

    try:
        return write(not force)
    except ColourRefused as refused:
        raise click.ClickException(
            f"{refused}. Pick another colour, or pass --force to keep it"
        ) from refused


@labels_command.command("add")
@click.argument("name")
@click.option("--en", help="Its name in English. Default: NAME.")
@click.option("--fr", help="Its name in French. Default: NAME.")
@click.option("--key", help="Shortcut key (a letter or digit). Default: the next free one.")
@click.option("--letter", help="A second shortcut letter.")
@click.option("--colour", "--color", "colour", help="#RRGGBB. Default: the next palette colour.")
@click.option(
    "--kind",
    type=click.Choice(["entity", "statement"]),
    default="entity",
    show_default=True,
    help="Statements (claims) are underlined, entities tinted.",
)
@click.option("--force", is_flag=True, help="Keep a colour the contrast checks refuse.")
@pass_context
@reports_errors
def labels_add_command(
    obj: Context,
    name: str,
    en: str | None,
    fr: str | None,
    key: str | None,
    letter: str | None,
    colour: str | None,
    kind: str,
    force: bool,
) -> None:
    """Add a label NAME (any alphabet; no spaces)."""
    from annotator.core import scheme

    with obj.store() as store:
        label_set = _colour_checked(
            lambda check: scheme.with_new_label(
                store.label_set(),
                name,
                display={"en": en or name, "fr": fr or en or name},
                key=key,
                letter=letter,
                colour=colour,
                kind=kind,
                check_colour=check,
            ),
            force,
        )
        store.set_label_set(label_set)
        added = label_set.get(name)
    assert added is not None
    click.echo(f"added {name} (key {added.key}, {added.color}); scheme version {label_set.version}")


@labels_command.command("rename")
@click.argument("old")
@click.argument("new")
@pass_context
@reports_errors
def labels_rename_command(obj: Context, old: str, new: str) -> None:
    """Rename label OLD to NEW on every span, decision and link type (one transaction)."""
    from annotator.core import scheme

    with obj.store() as store:
        renamed = scheme.rename_label(store, old, new)
        version = store.label_set().version
    click.echo(f"renamed {old} to {new}: {counted(renamed, 'span')}; scheme version {version}")


@labels_command.command("recolour")
@click.argument("name")
@click.argument("colour")
@click.option("--force", is_flag=True, help="Keep a colour the contrast checks refuse.")
@pass_context
@reports_errors
def labels_recolour_command(obj: Context, name: str, colour: str, force: bool) -> None:
    """Give label NAME the colour COLOUR (#RRGGBB), checked for contrast on a light and a
    dark page and against the other labels with colour-vision deficiencies."""
    from annotator.core import scheme

    with obj.store() as store:
        label_set = _colour_checked(
            lambda check: scheme.with_colour(store.label_set(), name, colour, check=check), force
        )
        store.set_label_set(label_set)
    click.echo(f"{name} is now {colour.upper()}; scheme version {label_set.version}")


@labels_command.command("edit")
@click.argument("name")
@click.option("--en", help="Its name in English.")
@click.option("--fr", help="Its name in French.")
@click.option("--key", help="Shortcut key (a letter or digit).")
@click.option("--letter", help="A second shortcut letter.")
@pass_context
@reports_errors
def labels_edit_command(
    obj: Context, name: str, en: str | None, fr: str | None, key: str | None, letter: str | None
) -> None:
    """Change label NAME's display names or keys."""
    from annotator.core import scheme

    display = {lang: text for lang, text in (("en", en), ("fr", fr)) if text}
    with obj.store() as store:
        label_set = scheme.with_fields(
            store.label_set(), name, display=display or None, key=key, letter=letter
        )
        store.set_label_set(label_set)
    click.echo(f"{name} changed; scheme version {label_set.version}")


@labels_command.command("retire")
@click.argument("name")
@click.option("--restore", is_flag=True, help="Offer a retired label for new tags again.")
@pass_context
@reports_errors
def labels_retire_command(obj: Context, name: str, restore: bool) -> None:
    """Stop offering label NAME for new tags; its spans stay, drawn and exported."""
    from annotator.core import scheme

    with obj.store() as store:
        label_set = scheme.with_retired(store.label_set(), name, not restore)
        store.set_label_set(label_set)
        spans = store.span_counts_by_label().get(name, 0)
    state = "offered again" if restore else f"retired; its {counted(spans, 'span')} stay"
    click.echo(f"{name} {state}; scheme version {label_set.version}")


@labels_command.command("attribute")
@click.argument("label")
@click.argument("name")
@click.option(
    "--kind",
    type=click.Choice(["choice", "text", "number", "yes/no"]),
    default="choice",
    show_default=True,
    help="What its value is.",
)
@click.option(
    "--choice",
    "choices",
    multiple=True,
    help="A value to choose (repeat it). A verdict with none gets the default scale.",
)
@click.option("--unrated", multiple=True, help="A choice that rates nothing (repeat it).")
@click.option("--key", help="Its key in the span panel (a letter or digit).")
@click.option("--en", help="Its name in English.")
@click.option("--fr", help="Its name in French.")
@click.option("--remove", is_flag=True, help="Take the attribute out of the scheme.")
@pass_context
@reports_errors
def labels_attribute_command(
    obj: Context,
    label: str,
    name: str,
    kind: str,
    choices: tuple[str, ...],
    unrated: tuple[str, ...],
    key: str | None,
    en: str | None,
    fr: str | None,
    remove: bool,
) -> None:
    """Define (or change) attribute NAME of LABEL's spans, e.g. `claim verdict`."""
    from annotator.core import scheme

    with obj.store() as store:
        if remove:
            label_set = scheme.without_attribute(store.label_set(), label, name)
        else:
            found = store.label_set().get(label)
            known = found.attribute(name) if found is not None else None
            display = {lang: text for lang, text in (("en", en), ("fr", fr)) if text}
            if known is not None:  # what is not given again stays as it was
                display = {**known.display, **display}
                key = key or known.key
                choices = choices or tuple(known.choices if known.kind == kind else ())
                unrated = unrated or tuple(known.unrated if choices else ())
            definition = scheme.attribute(
                name,
                kind,
                list(choices),
                key=key,
                display=display,
                unrated=list(unrated) if unrated else None,
            )
            if known is not None:
                definition = definition.model_copy(
                    update={"choice_display": {
                        value: names
                        for value, names in known.choice_display.items()
                        if value in definition.choices
                    }}
                )
            label_set = scheme.with_attribute(store.label_set(), label, definition)
        store.set_label_set(label_set)
    click.echo(f"{label_set.history[-1].change}; scheme version {label_set.version}")


@labels_command.command("guidelines")
@click.argument("label", required=False)
@click.option(
    "--file",
    "markdown_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Markdown file to store (an empty file clears them). Without it: print them.",
)
@click.option(
    "--language",
    type=click.Choice(["en", "fr"]),
    default="en",
    show_default=True,
    help="The language the guidelines are written in.",
)
@pass_context
@reports_errors
def labels_guidelines_command(
    obj: Context, label: str | None, markdown_file: Path | None, language: str
) -> None:
    """Store or print the guidelines of LABEL (without LABEL: the project's)."""
    from annotator.core import scheme
    from annotator.core.errors import InputError

    if markdown_file is None:
        with obj.store(reading=True) as store:
            label_set = store.label_set()
        if label is None:
            click.echo(label_set.guideline(language))
        else:
            found = label_set.get(label)
            if found is None:
                raise click.ClickException(f"no label {label!r}")
            click.echo(found.guideline(language))
        return
    try:
        markdown = markdown_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(markdown_file, f"cannot read the guidelines: {error}") from error
    with obj.store() as store:
        label_set = scheme.with_guidelines(store.label_set(), label, language, markdown)
        store.set_label_set(label_set)
    click.echo(f"{label_set.history[-1].change}; scheme version {label_set.version}")


@main.command("check")
@_layer_option("Check only this annotator's layer. Default: every layer.")
@click.option(
    "--repair",
    is_flag=True,
    help="Say how the damaged rows would be taken out of the project file and an out of "
    "step search index built again; with --yes, do it after a backup.",
)
@click.option("--yes", is_flag=True, help="With --repair: repair without asking.")
@pass_context
@reports_errors
def check_command(obj: Context, layer: str | None, repair: bool, yes: bool) -> None:
    """List damaged rows of the project file, a search index out of step with the
    articles, claims and denials with no source (no said_by link) and denials that deny
    no claim (no denies link). Exits with status 1 if there is any."""
    from annotator.core.attribution import links

    with obj.store(reading=True) as store:
        damaged = store.find_damaged_rows()
        store.damaged.clear()  # listed here, not again when the store closes
        if damaged:
            _echo_damaged_rows(store, damaged, repair=repair, yes=yes)
        damaged_left = bool(damaged) and not (repair and yes)
        index_out_of_step = _check_search_index(
            store, repair=repair, yes=yes, backed_up=bool(damaged) and repair and yes
        )
        problems = links.check(store, [layer] if layer else None)
    for problem in problems:
        span = problem.span
        click.echo(
            f"{span.doc_id[:12]}  {span.start:>6}-{span.end:<6}  {span.annotator}  "
            f"{problem.message}: {span.text!r}"
        )
    if problems:
        click.echo(f"{len(problems)} problem{'s' * (len(problems) != 1)}")
    else:
        click.echo("Every claim and denial has a source; every denial denies a claim.")
    if problems or damaged_left or index_out_of_step:
        click.get_current_context().exit(1)


def _repair_backup(store: Store) -> Path:
    from datetime import datetime

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = Path(f"{store.path}.before-repair-{stamp}.bak")
    store.backup_to(backup)
    return backup


def _check_search_index(store: Store, *, repair: bool, yes: bool, backed_up: bool) -> bool:
    """Say whether the full-text index is out of step with the articles; with
    ``repair`` and ``yes``, build it again (after a backup, unless one was just made).
    True when it is left out of step."""
    in_step = store.search_index_in_step()
    if in_step is None:
        click.echo("The search index was not checked: this project file cannot be written here.")
        return False
    if in_step:
        return False
    click.echo(
        "The search index is out of step with the articles: a search would miss some "
        "articles or list others."
    )
    if not repair:
        click.echo("`annotator check --repair` says how to build it again.")
        return True
    if not yes:
        click.echo(
            "Repairing would build the search index again from the articles' titles and "
            "texts (nothing else changes). Run `annotator check --repair --yes` to do it."
        )
        return True
    if not backed_up:
        click.echo(f"Backed up the project to {_repair_backup(store)}, then:")
    store.rebuild_search_index()
    click.echo("  built the search index again from the articles' titles and texts: done")
    return False


def _echo_damaged_rows(store: Store, damaged: list[Any], *, repair: bool, yes: bool) -> None:
    """List the damaged rows; with ``repair``, what repairing does, and with ``yes`` do
    it after a backup."""
    click.echo(f"{len(damaged)} damaged row{'s' * (len(damaged) != 1)} in {store.path}:")
    for row in damaged:
        click.echo(f"  {row}")
    if not repair:
        click.echo("`annotator check --repair` says how to take them out of the file.")
        return
    if not yes:
        click.echo("Repairing would, after a backup of the project:")
        for row in damaged:
            click.echo(f"  {row.repair_text}")
        click.echo("Nothing was changed; run `annotator check --repair --yes` to do it.")
        return
    backup = _repair_backup(store)
    store.repair_damaged_rows(damaged)
    click.echo(f"Backed up the project to {backup}, then:")
    for row in damaged:
        click.echo(f"  {row.repair_text}: done")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(prog_name="annotator"))
