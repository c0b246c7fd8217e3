"""One module per command (or group of close commands); each has `register(app)`."""
