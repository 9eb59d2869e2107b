"""Proposals (事業提案): drafting, pre-consultation, submission, screening and the audit of each move."""
