"""``annotator export --format claimreview``: the gold layer's verdicts as schema.org
ClaimReview JSON-LD (``core.claimreview``), with its report and manifest."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.claimreview import ClaimReviewTally, write_claim_reviews
from annotator.core.formats.shared import ExportRequest, FormatExportReport, write_manifest
from annotator.core.store import Store


@dataclass
class ClaimReviewReport(FormatExportReport):
    tally: ClaimReviewTally = field(default_factory=ClaimReviewTally)

    def summary_lines(self) -> list[str]:
        tally = self.tally
        lines = [
            f"Wrote {tally.written} ClaimReview{'s' * (tally.written != 1)} of "
            f"{tally.claims} reviewed claim{'s' * (tally.claims != 1)} in {tally.documents} "
            f"document{'s' * (tally.documents != 1)} to {self.path} (schema.org JSON-LD)"
        ]
        lines += [f"  {problem}" for problem in tally.problems()]
        if self.manifest_path is not None:
            lines.append(f"  manifest: {self.manifest_path}")
        return lines


def export_claimreview(store: Store, path: Path, request: ExportRequest) -> FormatExportReport:
    options = request.options
    tally = write_claim_reviews(store, path, options)
    report = ClaimReviewReport(path=path, format="claimreview", offsets="none", tally=tally)
    report.documents = tally.documents
    report.spans = tally.claims
    report.written_spans = tally.written
    report.dropped.update(
        {"claims without a verdict": tally.without_verdict}
        if tally.without_verdict
        else {}
    )
    for verdict, count in tally.off_scale.items():
        report.dropped[f"verdict {verdict!r} not on the verdict scale"] = count
    report.notes.extend(tally.problems())
    write_manifest(
        store, report, replace(options, gold=True, annotators=None),
        reviews=tally.written,
        without_verdict=tally.without_verdict,
    )
    return report
