class BackupError(Exception):
    """A backup or restore refused or failed; the message, in Spanish, says why and names the file."""
