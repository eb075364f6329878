"""Compares the call shape of usage snippets, per operation: ours against Speakeasy's. The shape is
the SDK method called and its arguments (names, order and nesting: dict keys, list items), with
literal values left aside. Prints one JSON line: {"same": N, "total": M, "differ": [...]}.

    python call_shapes.py OURS_DIR REFERENCE_DIR

Both folders hold markdown pages with python blocks (ours: docs/sdks/*/README.md; Speakeasy's: the
extracted pages, whose blocks follow a `<!-- UsageSnippet ... operationID="X" -->` comment). Snippets
are paired by the SDK method they call (`clerk.actor_tokens.create`).
"""

import ast
import json
import os
import re
import sys

BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def pages(root):
    for dirpath, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith(".md"):
                yield os.path.join(dirpath, f)


def snippets(root):
    """Method called → the call's shape, for each block that calls one (the first block wins)."""
    found = {}
    for page in pages(root):
        with open(page, encoding="utf-8") as fh:
            for code in BLOCK.findall(fh.read()):
                s = call_shape(code)
                if s is not None:
                    found.setdefault(s[0], s)
    return found


def shape(node):
    if isinstance(node, ast.Dict):
        keys = [k.value if isinstance(k, ast.Constant) else "**" for k in node.keys]
        return ["dict", [[k, shape(v)] for k, v in zip(keys, node.values)]]
    if isinstance(node, (ast.List, ast.Tuple)):
        # Items alike: Speakeasy shows three placeholders where one item shows the same shape.
        return ["list", shape(node.elts[0]) if node.elts else None]
    return "value"


def call_shape(code):
    """The shape of the snippet's SDK call: `<client>.<group...>.<method>(...)` with arguments."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            chain = []
            f = node.func
            while isinstance(f, ast.Attribute):
                chain.append(f.attr)
                f = f.value
            # The client's call: a chain of at least a group and a method on a name (not models.X()).
            if (
                isinstance(f, ast.Name)
                and len(chain) >= 2
                and f.id not in ("models", "os", "clerk_backend_api")
            ):
                args = [["*", shape(a)] for a in node.args]
                args += [[kw.arg or "**", shape(kw.value)] for kw in node.keywords]
                return [".".join(reversed(chain)), args]
    return None


def main():
    ours, theirs = snippets(sys.argv[1]), snippets(sys.argv[2])
    same, differ = 0, []
    for method, want in sorted(theirs.items()):
        got = ours.get(method)
        if want == got:
            same += 1
        else:
            differ.append({"method": method, "theirs": want[1], "ours": got and got[1]})
    print(json.dumps({"same": same, "total": len(theirs), "differ": differ}))


if __name__ == "__main__":
    main()
