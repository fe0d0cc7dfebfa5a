"""What a screen reader finds of Bedtime Coach through AT-SPI, for tests/accessibility_e2e.rs.

  atspi_tree.py dump        "APP", tab, the application's name; then one line per named node:
                            role, name, description, the parent's role and name, and extras
                            (tab: selected; progress bar: range)
  atspi_tree.py do NAME     the first action ("click") of the node named NAME

Run with the system's python3, which has pyatspi (python3-pyatspi).
"""
import sys

import pyatspi


def app():
    """The application whose window is named "Bedtime Coach", whatever the application's
    own name (the tests check that name, so it is not how the app is found)."""
    for candidate in pyatspi.Registry.getDesktop(0):
        if candidate is None:
            continue
        try:
            if any(child is not None and child.name == "Bedtime Coach" for child in candidate):
                return candidate
        except Exception:
            continue
    return None


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for child in node:
        yield from walk(child, depth + 1)


def extras(node):
    out = []
    if node.getRoleName() == "page tab":
        out.append("selected=%s" % str(node.getState().contains(pyatspi.STATE_SELECTED)).lower())
    if node.getRoleName() == "push button":
        states = node.getState()
        if states.contains(pyatspi.STATE_EXPANDABLE):
            out.append("expanded=%s" % str(states.contains(pyatspi.STATE_EXPANDED)).lower())
    try:
        value = node.queryValue()
        out.append("range=%g..%g value=%g" % (value.minimumValue, value.maximumValue, value.currentValue))
    except NotImplementedError:
        pass
    return " ".join(out)


def main():
    root = app()
    if root is None:
        print("NO-APP")
        return 1
    if sys.argv[1] == "dump":
        print("APP\t%s" % root.name)
        for node in walk(root):
            name, description = node.name or "", node.description or ""
            parent = node.parent
            if not (name or description):
                continue
            fields = [node.getRoleName(), name, description, parent.getRoleName() if parent else "",
                      (parent.name or "") if parent else "", extras(node)]
            print("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields))
        return 0
    if sys.argv[1] == "do":
        for node in walk(root):
            if node.name == sys.argv[2]:
                node.queryAction().doAction(0)
                print("DONE")
                return 0
        print("NOT-FOUND")
        return 1
    return 2


sys.exit(main())
