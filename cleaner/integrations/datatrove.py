"""cleaner as a datatrove pipeline step: the same cleaning, scaled out by datatrove's executors.

    from datatrove.executor import LocalPipelineExecutor
    from cleaner.integrations.datatrove import clean_pipeline

    LocalPipelineExecutor(clean_pipeline("corpus/", "clean/"), tasks=8, workers=2, logging_dir="logs/").run()

- `CleanStep` replaces each document's text with cleaner's canonical text, keeps the manifest in
  `metadata["manifest"]` and counts the characters each rule removed in the step's stats.
- `RawFileReader` reads the .txt/.html files `cleaner clean` reads, one document per file, and keeps
  their bytes so the manifest records the real source (encoding, sha256) as `cleaner clean` does.
- `CleanJsonlWriter` writes `{id, text, manifest}` records, one uncompressed JSONL shard per task.

The executor is datatrove's: swapping LocalPipelineExecutor for SlurmPipelineExecutor or
RayPipelineExecutor is the one line that changes on a cluster (docs/datatrove.md).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from ..errors import InputError, MissingExtra

try:
    from datatrove.data import Document, DocumentsPipeline, Media, MediaType
    from datatrove.io import DataFolderLike
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.readers.base import BaseDiskReader
    from datatrove.pipeline.writers import JsonlWriter
    from datatrove.pipeline.writers.disk_base import DiskWriter
    from datatrove.utils.logging import logger
except ImportError as error:
    raise MissingExtra("cleaner.integrations.datatrove", "datatrove") from error

from ..batch import INPUT_SUFFIXES, is_output
from ..decode import decode
from ..pipeline import DEFAULT_MAX_BYTES, HTML_SUFFIXES, Cleaner, CleanResult, FormatOption
from ..rules import load_rules

__all__ = ["CleanJsonlWriter", "CleanStep", "RawFileReader", "clean_pipeline"]

# The Media entry in which RawFileReader hands a file's bytes to CleanStep. Cleaning the bytes, not
# the decoded text, lets the manifest record the source's real encoding and sha256.
SOURCE_MEDIA_ID = "cleaner:source"
MANIFEST_KEY = "manifest"
URL_KEY = "url"
# Where a document that could not be cleaned carries the reason, for the failed-documents writer.
ERROR_KEY = "cleaner_error"
# One JSONL shard per task; uncompressed, because gzip stamps the time into its header and the
# same input must give the same bytes.
SHARD_NAME = "${rank}.jsonl"
JSONL_GLOB = "**/*.jsonl*"


class CleanStep(PipelineStep):
    """Replace each document's text with its clean canonical text; keep the manifest in its metadata.

    Args:
        rules: folders of your own rule packs, added to the built-in ones (as `cleaner clean --rules`).
            On a cluster every node must be able to read them.
        url_key: the metadata key holding the page's address, for site packs that match by domain.
        manifest_key: the metadata key the manifest is stored under.
        format: "auto" (by file name and content), "text" or "html".
        max_bytes: larger documents are not cleaned (as `cleaner clean --max-bytes`).
        failed_writer: keeps every document that could not be cleaned, unchanged, with the reason in
            `metadata["cleaner_error"]` (as datatrove's filters keep what they drop). Without one such
            documents are logged and counted, and leave the pipeline.

    Stats: `cleaned`; `failed` and `failed.<error>`; `removed_chars` and `removed_chars.<rule id>`
    (totals, and means per document); `warning.<code>` for manifest warnings.
    """

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        rules: Sequence[str | Path] = (),
        *,
        url_key: str = URL_KEY,
        manifest_key: str = MANIFEST_KEY,
        format: FormatOption = "auto",
        max_bytes: int = DEFAULT_MAX_BYTES,
        failed_writer: DiskWriter | None = None,
    ) -> None:
        super().__init__()
        self.rules = tuple(str(folder) for folder in rules)
        load_rules(self.rules)  # a broken rule file fails here, before any task is launched
        self.url_key = url_key
        self.manifest_key = manifest_key
        self.format = format
        self.max_bytes = max_bytes
        self.failed_writer = failed_writer

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        cleaner = Cleaner(rules_dirs=self.rules, max_bytes=self.max_bytes)  # once per task, not per document
        with self.failed_writer or contextlib.nullcontext() as failed:
            for document in data or ():
                with self.track_time():
                    try:
                        result = self.clean_document(cleaner, document)
                    except InputError as error:
                        self.fail(document, error, failed, rank)
                        continue
                    self.count(result)
                self.update_doc_stats(document)
                yield document

    def clean_document(self, cleaner: Cleaner, document: Document) -> CleanResult:
        """Clean one document in place and return the result; raises InputError."""
        content, path = source_of(document)
        url = document.metadata.get(self.url_key)
        name = PurePosixPath(path).name if path else None
        result = cleaner.clean(content, url if isinstance(url, str) else None, self.format, name=name)
        if path is not None:
            result = result.with_paths(path, None)
        document.text = result.text
        drop_source(document)
        document.metadata[self.manifest_key] = result.manifest
        return result

    def count(self, result: CleanResult) -> None:
        stats = result.manifest["stats"]
        self.stat_update("cleaned")
        self.stat_update("removed_chars", value=stats["removed_chars"])
        for rule, chars in stats["removed_by_rule"].items():
            self.stat_update(f"removed_chars.{rule}", value=chars)
        for warning in result.warnings:
            self.stat_update(f"warning.{warning['code']}")

    def fail(self, document: Document, error: InputError, failed: DiskWriter | None, rank: int) -> None:
        self.stat_update("failed", f"failed.{type(error).__name__}")
        logger.warning(f"cleaner: document {document.id!r} not cleaned: {error.reason}")
        if failed is not None:
            drop_source(document)
            document.metadata[ERROR_KEY] = error.reason
            failed.write(document, rank)


def source_of(document: Document) -> tuple[str | bytes, str | None]:
    """What to clean: the raw bytes RawFileReader kept (and their path), else the document's text."""
    for media in document.media:
        if media.id == SOURCE_MEDIA_ID and media.media_bytes is not None:
            return media.media_bytes, media.path
    return document.text, None


def drop_source(document: Document) -> None:
    """Let go of the raw bytes once cleaned (or failed): later steps and writers need only the text."""
    document.media = [media for media in document.media if media.id != SOURCE_MEDIA_ID]


class RawFileReader(BaseDiskReader):
    """The files `cleaner clean DIR` reads (.txt, .html, .htm, .xhtml; no outputs, no hidden entries).

    One document per file: id = the path relative to `data_folder`, text = the decoded content, and
    the bytes kept for CleanStep. Tasks take every world_size-th file in sorted order.
    """

    name = "📄 cleaner files"

    def __init__(self, data_folder: DataFolderLike, limit: int = -1, skip: int = 0,
                 default_metadata: dict[str, Any] | None = None) -> None:
        super().__init__(data_folder, limit=limit, skip=skip, default_metadata=default_metadata)

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data:
            yield from data
        files = [path for path in self.data_folder.list_files(recursive=True) if is_cleaner_input(path)]
        if not files:
            raise RuntimeError(f"no {', '.join(INPUT_SUFFIXES)} files in {self.data_folder.path}")
        for document in self.read_files_shard(files[rank::world_size]):
            self.update_doc_stats(document)
            yield document

    def read_file(self, filepath: str) -> Iterator[Document]:
        try:
            with self.data_folder.open(filepath, "rb") as stream:
                data = stream.read()
        except OSError as error:  # one unreadable file does not stop the task
            self.stat_update("unreadable")
            logger.warning(f"cleaner: cannot read {filepath} ({error.strerror or error}), skipped")
            return
        with self.track_time():
            try:
                text = decode(data, html=filepath.lower().endswith(HTML_SUFFIXES)).text
            except InputError:
                text = ""  # binary: CleanStep fails it with the reason, from the bytes
            media = Media(id=SOURCE_MEDIA_ID, type=MediaType.DOCUMENT, url=filepath, path=filepath, media_bytes=data)
            metadata = {**(self.default_metadata or {}), "file_path": self.data_folder.resolve_paths(filepath)}
        yield Document(text=text, id=filepath, media=[media], metadata=metadata)


def is_cleaner_input(path: str) -> bool:
    parts = PurePosixPath(path).parts
    name = parts[-1] if parts else ""
    return (name.lower().endswith(INPUT_SUFFIXES) and not is_output(Path(name))
            and not any(part.startswith(".") for part in parts))


class CleanJsonlWriter(JsonlWriter):
    """One `{id, text, manifest}` record per document, one uncompressed JSONL shard per task."""

    name = "🐿 cleaner jsonl"

    def __init__(self, output_folder: DataFolderLike, output_filename: str = SHARD_NAME,
                 manifest_key: str = MANIFEST_KEY, compression: str | None = None) -> None:
        super().__init__(output_folder, output_filename=output_filename, compression=compression)
        self.manifest_key = manifest_key

    def _default_adapter(self, document: Document) -> dict[str, Any]:
        return {"id": document.id, "text": document.text, "manifest": document.metadata[self.manifest_key]}


InputFormat = Literal["jsonl", "files"]


def clean_pipeline(
    input_folder: DataFolderLike,
    output_folder: DataFolderLike,
    *,
    input_format: InputFormat = "jsonl",
    rules: Sequence[str | Path] = (),
    url_key: str = URL_KEY,
    text_key: str = "text",
    id_key: str = "id",
    failed_folder: DataFolderLike | None = None,
) -> list[PipelineStep | Callable[..., Any]]:
    """Read, clean, write `{id, text, manifest}` shards: the steps to hand to any datatrove executor.

    `input_format` "jsonl" reads every *.jsonl(.gz|.zst) file under `input_folder` (records with
    `text_key`, `id_key` and, for site packs that match by domain, `url_key`); "files" reads the
    .txt/.html files `cleaner clean` reads. Documents that cannot be cleaned go, unchanged and with the
    reason, to JSONL shards in `failed_folder` when one is given.
    """
    reader: BaseDiskReader
    if input_format == "jsonl":
        reader = JsonlReader(input_folder, text_key=text_key, id_key=id_key, glob_pattern=JSONL_GLOB)
    elif input_format == "files":
        reader = RawFileReader(input_folder)
    else:
        raise ValueError(f"input_format must be 'jsonl' or 'files', not {input_format!r}")
    failed = JsonlWriter(failed_folder, output_filename=SHARD_NAME, compression=None) if failed_folder else None
    return [reader, CleanStep(rules, url_key=url_key, failed_writer=failed), CleanJsonlWriter(output_folder)]

