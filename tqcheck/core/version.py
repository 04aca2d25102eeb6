"""The version of tqcheck, in one place (read by the build backend and by the reporters)."""

__version__ = "0.1.0"
