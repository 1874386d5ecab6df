"""Services: the only code that reads or writes records. The CLI and the TUI call these."""
