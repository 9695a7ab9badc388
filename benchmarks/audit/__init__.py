"""Audits: a step's decisions on raw text, and same-output / same-speed checks of a change against a revision."""
