"""Reference side of the Punkt agreement check: NLTK's own PunktSentenceTokenizer built from the
parameter files the project ships. Reads JSON strings one per line on stdin, writes the JSON list of
sentences for each on stdout. Run with an interpreter that has nltk (Debian: /usr/bin/python3)."""
import json
import sys

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer


def load(directory):
    params = PunktParameters()
    with open(f"{directory}/abbrev_types.txt", encoding="utf-8") as f:
        params.abbrev_types = {line for line in f.read().split("\n") if line}
    with open(f"{directory}/collocations.tab", encoding="utf-8") as f:
        params.collocations = {tuple(line.split("\t")) for line in f.read().split("\n") if line}
    with open(f"{directory}/sent_starters.txt", encoding="utf-8") as f:
        params.sent_starters = {line for line in f.read().split("\n") if line}
    with open(f"{directory}/ortho_context.tab", encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line:
                word, flags = line.split("\t")
                params.ortho_context[word] = int(flags)
    return params


def main():
    tokenizer = PunktSentenceTokenizer(load(sys.argv[1]))
    for line in sys.stdin:
        sys.stdout.write(json.dumps(tokenizer.tokenize(json.loads(line))) + "\n")


if __name__ == "__main__":
    main()
