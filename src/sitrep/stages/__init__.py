"""The pipeline's stages, one module per step; sitrep.pipeline puts them in order.

``ORDER`` names the stages in the order a full run takes them. It lives here, apart from
the stage modules (which load spaCy), so that the command line can offer ``--until``
without loading them; tests/test_pipeline.py checks that ``pipeline.STAGES`` follows it.
"""

ORDER = ("clean", "nlp", "actors", "places", "times", "quantities", "quotes", "events", "certainty", "genre",
         "event_filter")
