"""ethics-tui: integrity measures 6-7 registers for Thai local government offices."""

__version__ = "0.1.0"
