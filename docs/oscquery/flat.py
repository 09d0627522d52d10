# Prints an OSCQuery namespace one method a line: path, TYPE, ACCESS, VALUE, RANGE.
import json, sys
def walk(node):
    if "TYPE" in node:
        print(node["FULL_PATH"], node["TYPE"], node["ACCESS"], json.dumps(node.get("VALUE")), json.dumps(node.get("RANGE")))
    for child in node.get("CONTENTS", {}).values():
        walk(child)
walk(json.load(sys.stdin))
