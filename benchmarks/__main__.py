"""`make bench`: every benchmark, figures printed; see BENCHMARKS.md for recorded runs."""

import os
import platform
from datetime import UTC, datetime

from benchmarks import hostile, ingest_bench, long_document, postgres_bench, scale

print(f"# newsintel benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.processor() or platform.machine()}, "
      f"{os.cpu_count()} cores, Python {platform.python_version()}")
hostile.main([])
ingest_bench.main()
long_document.main()
scale.main()
postgres_bench.main([])
