"""Open review (公開審査): rounds, sessions, reviewers, conflicts, score sheets and frozen results."""
