"""The graph side: ontology terms, triples from extractions, the store, exports, analytics
and the ``policykg`` command line."""
