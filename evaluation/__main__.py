"""`make eval`: quality against gold data; see BENCHMARKS.md for recorded figures."""

from evaluation import article_body

article_body.main()
