"""The administrator's screen: users, lines, categories, centre settings, backups."""
