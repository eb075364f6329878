# Prints the public top-level names each module under a folder defines (classes, functions, assignments), as JSON:
# the Python runtime symbol table test compares them with generator/targets/python/runtime.ts.
import ast, sys, os, json

root = sys.argv[1]
out = {}
for dirpath, _, names in os.walk(root):
    for n in sorted(names):
        if not n.endswith(".py"):
            continue
        p = os.path.join(dirpath, n)
        rel = os.path.relpath(p, root)
        tree = ast.parse(open(p).read())
        syms = {}
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                syms[node.name] = "class"
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                syms[node.name] = "function"
            elif isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Name):
                        syms[t.id] = "value"
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                syms[node.target.id] = "value"
        out[rel] = {k: v for k, v in syms.items() if not k.startswith("_")}
print(json.dumps(out, indent=1))
