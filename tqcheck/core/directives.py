"""The syntax of suppression comments, shared by the readers (which blank them) and the engine
(which obeys them).

Markdown uses HTML comments (`<!-- tqcheck: disable=PN002,ST -->`); plain text uses a line of
its own starting with `#`, `//` or `--` followed by the same directive.
"""

from __future__ import annotations

import re

_DIRECTIVE = r"tqcheck:\s*(?P<verb>disable|enable|ignore-next-line|ignore)(?:\s*=\s*(?P<ids>[A-Za-z0-9_,\s]*?))?\s*"
MARKDOWN_DIRECTIVE = re.compile(r"<!--\s*" + _DIRECTIVE + r"-->")
TEXT_DIRECTIVE = re.compile(r"(?m)^[ \t]*(?:#|//|--)[ \t]*" + _DIRECTIVE + r"$")
