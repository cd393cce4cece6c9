"""Run one export in a fresh process and report its time and the process's peak memory.

Usage: ``python -m annotator.bench.export_probe PROJECT FORMAT OUTPUT``. Prints
``{"seconds": ..., "peak_mb": ..., "spans": ...}``: the seconds of the export call alone
(the interpreter's start and imports are left out, for every format alike), the peak
resident memory of the whole process (imports included: what the user's machine holds).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main() -> None:
    project, format_name, output = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    from annotator.core.formats.registry import export_format
    from annotator.core.store import Store

    if format_name == "spacy":
        import spacy  # noqa: F401 (imported before the clock starts, like the others)
    with Store(project) as store:
        started = time.perf_counter()
        report = export_format(store, format_name, output)
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "spans": report.spans}))


if __name__ == "__main__":
    main()
