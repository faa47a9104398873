"""The package version, in a module of its own so that any layer can read it without importing the
package's entry points (``workbook/__init__.py`` imports the build, which needs the version)."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
