"""A student's progress: an append-only review log and FSRS card state, in SQLite."""
