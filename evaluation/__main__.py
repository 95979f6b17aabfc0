"""`make eval`: quality against gold data; see BENCHMARKS.md for recorded figures."""

from evaluation import article_body, extraction, geoparsing, resolution, stories

article_body.main()
print()
extraction.main(["--heldout"])
print()
geoparsing.main([])
print()
resolution.main([])
stories.main()
