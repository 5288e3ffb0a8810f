"""Reference side of the checker agreement check: LiveBench's own IFEval code (evaluation_main.py of a
LiveBench checkout, given as argv[1] = the folder holding `instruction_following_eval`) scores each
JSON line {prompt, instruction_id_list, kwargs, response} read on stdin. Writes {"followed": [...]} or
{"error": "..."} per line. Needs nltk, langdetect and immutabledict (Debian: python3-nltk,
python3-langdetect, python3-immutabledict) and NLTK_DATA holding tokenizers/punkt."""
import json
import sys

sys.path.insert(0, sys.argv[1])
from instruction_following_eval import evaluation_main  # noqa: E402


def main():
    for line in sys.stdin:
        row = json.loads(line)
        question = {
            "question_id": "q",
            "turns": [row["prompt"]],
            "instruction_id_list": row["instruction_id_list"],
            "kwargs": row["kwargs"],
        }
        inp = evaluation_main.read_prompt_list([question])[0]
        try:
            # LiveBench strips the answer before evaluation
            out = evaluation_main.test_instruction_following_strict(inp, {inp.prompt: row["response"].strip()})
            sys.stdout.write(json.dumps({"followed": out.follow_instruction_list}) + "\n")
        except Exception as error:  # the port must raise where upstream raises
            sys.stdout.write(json.dumps({"error": f"{type(error).__name__}: {error}"}) + "\n")


if __name__ == "__main__":
    main()
