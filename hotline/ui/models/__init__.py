"""Qt table models: they hold rows handed to them and never query the store."""
