"""Hotline: call log and case-file follow-up for the child-protection hotline 111 and the line 18008077."""

__version__ = "0.1.0"
