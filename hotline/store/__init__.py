"""Every SQL statement of Hotline lives in this package."""
