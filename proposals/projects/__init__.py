"""Collaboration projects (協働事業): agreements, reports, evaluations, directions and the six-rule checks."""
