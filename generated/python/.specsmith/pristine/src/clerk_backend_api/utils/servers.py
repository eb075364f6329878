"""Server selection: a server of the API description by index, its {variables} filled in."""

import re
from typing import Mapping, Optional, Sequence


def server_url_for(
    servers: Sequence[str],
    defaults: Sequence[Mapping[str, str]],
    idx: Optional[int],
    variables: Optional[Mapping[str, str]],
) -> str:
    """The chosen server's URL with its {variables} filled in (each defaults to the description's default)."""
    i = idx or 0
    template = servers[i] if i < len(servers) else servers[0]
    values = {**(defaults[i] if i < len(defaults) else {}), **(variables or {})}
    return re.sub(
        r"\{([^}]+)\}", lambda m: values.get(m.group(1), m.group(0)), template
    )
