"""LiveBench's tablereformat scoring (v1, as at LiveBench commit a8f61ff), run on pandas.

The score hangs on pandas' readers and their type inference, so this runs in a Python worker rather
than being re-implemented. The steps, in upstream's order:
  1. the output format is the word after "format to " in the question; the ground truth is read in it
     (a failure there is an error, as upstream raises);
  2. the answer is cleaned: the last ```json or ```html fence body, else a leading fence line removed,
     "&amp;" unescaped and every ``` deleted; then a leading "Here ... table:" style phrase is removed;
  3. the answer is read in the output format; if that raises, csv/tsv answers are re-read from the line
     equal to the ground truth's header, jsonl answers from the lines that look like records;
  4. the tables are compared cell by cell; a csv or jsonl answer that fails is re-read as in 3 and compared
     again (a tsv one is compared again as it stands, as upstream does).
"""
import json
import math
import re
import warnings
from io import StringIO

import pandas as pd
from pandas.api.types import is_numeric_dtype

warnings.filterwarnings("ignore")

JSON_ORIENTS = (("index", False), ("records", False), ("records", True), ("table", False))
FENCED_JSON = re.compile(r"```json\n(.*?)```", re.DOTALL)
FENCED_HTML = re.compile(r"```html\n(.*?)```", re.DOTALL)
LEADING_FENCE_LINE = re.compile(r"^```.*\n")
INITIAL_PHRASE = re.compile(r"^\s*(Here|Input)\b.*?\b(format|table)\s*[:)]\s*", re.IGNORECASE)


class EndlessRetry(Exception):
    """Upstream's header re-read loops forever once no line is left; here that is an error instead."""


def read_table(fmt, text):
    if fmt == "json":
        # upstream tries these orients in turn and keeps the first that reads
        for orient, lines in JSON_ORIENTS:
            try:
                return pd.read_json(StringIO(text), orient=orient, lines=lines, encoding="utf-8")
            except BaseException:
                pass
        return pd.read_json(StringIO(text), orient="values", encoding="utf-8")
    if fmt == "jsonl":
        return pd.read_json(StringIO(text), orient="records", lines=True, encoding="utf-8")
    if fmt == "html":
        # lxml only: LiveBench's dependencies name lxml but not bs4/html5lib, pandas' other read_html flavour
        return pd.concat(pd.read_html(StringIO(text), encoding="utf-8", flavor="lxml"), axis=0)
    if fmt == "csv":
        return pd.read_csv(StringIO(text), encoding="utf-8")
    if fmt == "tsv":
        return pd.read_csv(StringIO(text), sep="\t", encoding="utf-8")
    if fmt == "markdown":
        return pd.read_table(StringIO(text), sep="|", header=0, index_col=1, skipinitialspace=True)
    return None


def clean_answer(text):
    for fence in (FENCED_JSON, FENCED_HTML):
        bodies = fence.findall(text)
        if bodies:
            return bodies[-1].strip()
    text = LEADING_FENCE_LINE.sub("", text).replace("&amp;", "&")
    return text.replace("```", "").strip()


def read_from_header_line(text, header, sep):
    lines = text.strip().split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip() == header.strip()), None)
    if start is None:
        return None
    table = lines[start:]
    while True:
        if not table:
            raise EndlessRetry("the header line itself does not parse; LiveBench's retry loop never ends here")
        try:
            return pd.read_csv(StringIO("\n".join(table)), sep=sep)
        except BaseException:
            table = table[:-1]  # drop trailing prose one line at a time


def read_record_lines(text, columns):
    records = []
    for line in text.strip().split("\n"):
        if len(line) < 2 or line[0] != "{" or line[-1] != "}":
            continue
        if not all(column in line for column in columns):
            continue
        try:
            records.append(json.loads(line))
        except BaseException:
            continue
    return pd.DataFrame(records) if records else None


def cells_match(answer_df, truth_df):
    """1 when the tables hold the same rows in the same order (columns in any order), else 0."""
    try:
        truth_df.columns = [name.strip() for name in truth_df.columns]
        answer_df.columns = [name.strip() for name in answer_df.columns]
        if len(answer_df) != len(truth_df) or sorted(answer_df.columns) != sorted(truth_df.columns):
            return 0
        for row in range(len(answer_df)):
            for column in answer_df.columns:
                if not cell_matches(answer_df.iloc[row][column], truth_df.iloc[row][column]):
                    return 0
    except Exception:
        return 0
    return 1


def cell_matches(given, expected):
    if isinstance(given, str):
        given = given.strip()
    if isinstance(expected, str):
        expected = expected.strip()
    numeric = lambda v: isinstance(v, float) or is_numeric_dtype(v)
    if not (numeric(given) and numeric(expected)):
        return bool(given == expected)
    try:
        given, expected = float(given), float(expected)
    except BaseException:
        return str(given).strip() == str(expected).strip()
    if math.isnan(given) and math.isnan(expected):
        return True
    return abs(given - expected) < 1e-6


def output_format(question_text):
    after = question_text.split("Please convert the Input Table from ")[1]
    return after.split("format to ")[1].split(" format")[0].lower()


def score(question_text, ground_truth, answer):
    fmt = output_format(question_text)
    truth_df = read_table(fmt, ground_truth)
    cleaned = INITIAL_PHRASE.sub("", clean_answer(answer)).strip()
    stage = "read"
    try:
        answer_df = read_table(fmt, cleaned)
    except BaseException:
        answer_df = recover(fmt, cleaned, truth_df, tsv_too=True)
        stage = "recovered"
        if answer_df is None:
            return {"score": 0, "extracted": cleaned, "stage": "unreadable"}
    result = cells_match(answer_df, truth_df)
    if result == 0:
        retried = recover(fmt, cleaned, truth_df, tsv_too=False)
        # upstream compares again even when nothing was re-read (a tsv answer: the same table)
        if retried is not None or fmt not in ("csv", "jsonl"):
            answer_df = retried if retried is not None else answer_df
            if answer_df is not None:
                result = cells_match(answer_df, truth_df)
                stage = "retried"
    return {"score": result, "extracted": cleaned, "stage": stage}


def recover(fmt, cleaned, truth_df, tsv_too):
    if fmt == "csv" or (tsv_too and fmt == "tsv"):
        sep = "\t" if fmt == "tsv" else ","
        return read_from_header_line(cleaned, sep.join(truth_df.columns), sep)
    if fmt == "jsonl":
        return read_record_lines(cleaned, truth_df.columns)
    return None
