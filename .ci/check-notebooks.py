#!/usr/bin/env python3
"""Runs the chapters' notebooks and compares their numbers with the chapters' results.json.

Each chapter folder of the book (output/NAME/) holds NAME.ipynb beside results.json. This
script executes the notebook's code cells in order in one namespace (no Jupyter needed: plain
Python with numpy), then compares the `results` dict the notebook filled in with the metrics
of results.json: every number there (epochs, final training loss, accuracies, MSE, R²,
converged) must be in the notebook's results and agree to a relative 1e-6; whole numbers and
yes/no exactly. It prints, per chapter, what was compared and the largest relative difference,
and also the largest difference among the other numbers the notebook printed beside the
chapter's (compare runs, walks), which only inform.

Some chapters' numbers are decided by the last bits of their arithmetic: their training is
chaotic enough (Adam near a minimum, a deep batch-normalized sigmoid network) that the engine's
own two kernels, AVX2 with FMA and the baseline, already disagree in the third digit, and no
other order of the same float64 sums can match them to 1e-6. When a chapter's numbers do not
agree, the notebook runs again three times with every starting weight moved in its last bit;
a number that moves by more than 1e-6 under that is ill-conditioned, is compared within 10
times its move, and is named as such. A well-conditioned number is never excused.

With nbformat installed, each notebook is also validated against the nbformat 4 schema.

    python3 .ci/check-notebooks.py output                 # every chapter but the slow ones
    python3 .ci/check-notebooks.py output 06-circles      # only these

Exits 1 when a notebook fails to run, is not valid, or disagrees with its chapter.
"""
import contextlib
import io
import json
import math
import os
import sys
import time

# Chapters whose notebooks train for minutes in numpy (the two MNIST chapters): left out unless
# named.
SLOW = {"07-mnist", "97-convolutions"}
TOLERANCE = 1e-6
# How a chapter whose numbers do not agree to TOLERANCE is measured (see `compare`): the nudges
# of its starting weights, and how many times the largest move its numbers may differ by.
NUDGES = (2.0**-52, -(2.0**-52), 2.0**-50)
SPREAD_FACTOR = 10
# results.json's counts of the page itself, which a notebook does not compute.
PAGE_ONLY = {"relationsHeld", "relationsFailed", "relationsFailedAsExpected", "figures"}


def relative(a, b):
    """|a − b| relative to the larger of |a| and |b| (0 when both are 0)."""
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


def validate(notebook_path):
    """Whether the notebook is valid nbformat 4, or None without nbformat."""
    try:
        import nbformat
    except ImportError:
        return None
    notebook = nbformat.read(notebook_path, as_version=4)
    nbformat.validate(notebook)
    return True


def run(notebook_path, folder, nudge=0.0):
    """Executes the code cells in order; returns the namespace and what they printed. With a
    `nudge`, every starting weight the notebook builds (`dense`, `draw_weights`) is multiplied by
    1 + nudge: a change in the last bits, as another order of the same sums makes."""
    with open(notebook_path, encoding="utf-8") as file:
        notebook = json.load(file)
    assert notebook["nbformat"] == 4, "not an nbformat 4 notebook"
    namespace = {"__name__": "__notebook__"}
    printed = io.StringIO()
    here = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(printed):
            for index, cell in enumerate(notebook["cells"]):
                if cell["cell_type"] != "code":
                    continue
                source = "".join(cell["source"])
                exec(compile(source, f"{os.path.basename(notebook_path)} cell {index + 1}", "exec"), namespace)
                if nudge and "dense" in namespace and not namespace.get("_nudged"):
                    namespace["_nudged"] = True
                    for maker in ("dense", "draw_weights"):
                        namespace[maker] = nudged(namespace[maker], maker, nudge)
    finally:
        os.chdir(here)
    return namespace, printed.getvalue()


def nudged(function, name, nudge):
    """`function` with the weights it makes multiplied by 1 + nudge."""
    def wrapper(*arguments, **keywords):
        made = function(*arguments, **keywords)
        if name == "dense":
            made["W"] = made["W"] * (1 + nudge)
            return made
        return made * (1 + nudge)
    return wrapper


def compare(metrics, results, spreads=None):
    """The lines saying what was compared, the largest relative difference, and the mismatches.

    A number agrees when it is within TOLERANCE of the chapter's; with `spreads` (how far the
    notebook's own numbers move when its starting weights change in their last bit), a number
    that moves more than TOLERANCE that way is ill-conditioned, and agrees within SPREAD_FACTOR
    times its spread."""
    lines, failures, largest = [], [], 0.0
    for key in sorted(metrics):
        if key in PAGE_ONLY:
            continue
        expected = metrics[key]
        if key not in results:
            failures.append(f"{key}: the chapter has {expected!r}, the notebook sets none")
            continue
        found = results[key]
        if isinstance(expected, bool) or key == "epochs":
            ok = found == expected
            lines.append(f"{key} {found!r} {'=' if ok else '≠'} {expected!r}")
        else:
            difference = relative(float(found), float(expected))
            largest = max(largest, difference)
            ok = difference <= TOLERANCE
            line = f"{key} {float(found):.12g} vs {float(expected):.12g} (rel. {difference:.1e})"
            spread = (spreads or {}).get(key, 0.0)
            if not ok and spread > TOLERANCE:
                ok = difference <= SPREAD_FACTOR * spread
                line += f" ill-conditioned: a last-bit change of the starting weights moves it by {spread:.1e}"
            lines.append(line)
        if not ok:
            failures.append(lines[-1])
    for key in sorted(set(results) - set(metrics)):
        failures.append(f"{key}: the notebook sets {results[key]!r}, the chapter's results.json has none")
    return lines, largest, failures


def spreads_of(notebook_path, folder, results):
    """How far each of the notebook's numbers moves, relative to itself, when every starting
    weight is multiplied by 1 ± 2⁻⁵² or 1 + 2⁻⁵⁰: the largest of the three."""
    spreads = {}
    for nudge in NUDGES:
        namespace, _ = run(notebook_path, folder, nudge)
        for key, value in results.items():
            other = namespace.get("results", {}).get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and isinstance(other, (int, float)):
                spreads[key] = max(spreads.get(key, 0.0), relative(float(value), float(other)))
    return spreads


def main(arguments):
    if not arguments:
        print(__doc__)
        return 2
    output, chosen = arguments[0], arguments[1:]
    names = chosen or sorted(
        entry for entry in os.listdir(output)
        if os.path.isfile(os.path.join(output, entry, f"{entry}.ipynb")) and entry not in SLOW)
    passed = failed = 0
    for name in names:
        folder = os.path.join(output, name)
        notebook_path = os.path.join(folder, f"{name}.ipynb")
        with open(os.path.join(folder, "results.json"), encoding="utf-8") as file:
            metrics = json.load(file)["metrics"]
        start = time.time()
        try:
            valid = validate(notebook_path)
            namespace, _ = run(notebook_path, folder)
        except Exception as error:  # a notebook that does not run fails its chapter
            print(f"FAIL {name}: the notebook does not run: {type(error).__name__}: {error}")
            failed += 1
            continue
        results = namespace.get("results", {})
        lines, largest, failures = compare(metrics, results)
        if failures:
            # Perhaps the last bits decide these numbers: measure how much they do.
            try:
                lines, largest, failures = compare(metrics, results, spreads_of(notebook_path, folder, results))
            except Exception as error:
                failures.append(f"the nudged runs do not run: {type(error).__name__}: {error}")
        others = [relative(float(value), float(chapter)) for _, value, chapter in namespace.get("checks", [])
                  if isinstance(chapter, (int, float)) and not isinstance(chapter, bool)
                  and isinstance(value, (int, float)) and math.isfinite(float(chapter))]
        status = "ok  " if not failures else "FAIL"
        schema = {True: "valid nbformat 4", None: "not validated (no nbformat)"}[valid]
        print(f"{status} {name} ({time.time() - start:.1f} s, {schema}): "
              + ("; ".join(lines) if lines else "nothing compared" if failures else "results.json holds no numbers to compare")
              + f"; largest relative difference {largest:.1e}"
              + (f"; {len(others)} other printed numbers, largest relative difference {max(others):.1e}" if others else ""))
        for failure in failures:
            print(f"     mismatch: {failure}")
        if failures:
            failed += 1
        else:
            passed += 1
    print(f"notebooks: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
