#!/usr/bin/env python3
"""Writes kgraph's man page from its --help text: manpage.py KGRAPH VERSION OUT.

The help of `kgraph` and of each command is the one description of the
options; this turns it into troff, so the page cannot drift from the program.
"""
import re
import subprocess
import sys


def help_text(kgraph, *command):
    run = subprocess.run([kgraph, *command, "--help"], capture_output=True, text=True, check=True)
    return run.stdout


def sections(text):
    """The help's first line, and its sections as {title: [(name, description)]}."""
    lines = text.splitlines()
    found, title = {}, None
    for line in lines[1:]:
        heading = re.match(r"^(\w+):$", line)
        if heading:
            title = heading.group(1)
            found[title] = []
        elif title and line.startswith("  "):
            entry = re.match(r"^  (\S.*?)(?:\s{2,}(.*))?$", line)
            if line.startswith("    ") and found[title]:  # a description on its own line
                name, description = found[title][-1]
                found[title][-1] = (name, (description + " " + line.strip()).strip())
            elif entry:
                found[title].append((entry.group(1), entry.group(2) or ""))
    return lines[0], found


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def entries(items):
    out = []
    for name, description in items:
        out += [".TP", "\\fB" + roff(name) + "\\fR", roff(description)]
    return out


def main(kgraph, version, output):
    summary, top = sections(help_text(kgraph))
    page = [
        '.TH KGRAPH 1 "" "kgraph %s" "User Commands"' % version,
        ".SH NAME",
        "kgraph \\- " + roff(summary.split(": ", 1)[-1]),
        ".SH SYNOPSIS",
        "\\fBkgraph\\fR [\\fB\\-\\-db\\fR \\fIPATH\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]",
        ".SH OPTIONS",
        *entries(top.get("Options", [])),
        ".SH COMMANDS",
    ]
    for command, description in top.get("Subcommands", []):
        _, parts = sections(help_text(kgraph, command))
        page += [".SS " + roff(command), roff(description)]
        page += entries(parts.get("Positionals", []) + parts.get("Options", []))
    page += [
        ".SH ENVIRONMENT",
        *entries([("KGRAPH_DB", "The database folder when --db is not given."),
                  ("KGRAPH_DATA_DIR", "The folder of rules.json and schema.json, instead of the installed ones."),
                  ("KGRAPH_NLP_MODEL", "The tagger and parser model file, instead of the installed one.")]),
        ".SH FILES",
        *entries([("../share/kgraph/ (from the kgraph executable)",
                   "rules.json, schema.json and en_ewt.model, as installed by cmake --install.")]),
        ".SH EXIT STATUS",
        "0 on success, 1 when a command failed, 2 on bad usage, 130 when interrupted.",
    ]
    with open(output, "w", encoding="utf-8") as out:
        out.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
