"""The second stage: the question bank built from a `Dataset`, every item proven by the data.

Kept free of imports: `quizgen stats` and a cached `generate` use the bank's item types
without loading the data model.
"""
