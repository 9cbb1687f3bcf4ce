#!/usr/bin/python3
"""An outside judge of BáoCáo's workbooks: LibreOffice Calc, driven through its UNO bridge.

    /usr/bin/python3 uno-judge.py SPEC.json RESULT.json

SPEC lists workbooks and, for each, what BáoCáo's core expects (built by test/support/uno-judge.ts):
  formulas: cells whose value Calc must compute, after a full recalculation, as the core did;
  names:    defined names and the sheet/range each must refer to (Calc resolves them in formulas);
  probes:   data-validation ranges and the values to type into them: first one Calc must accept,
            then ones it must refuse.
With every input holding its valid value, Calc is asked to circle invalid data
(XSheetAuditing.showInvalid) and must circle nothing; then the ranges of a sheet that share their
values hold each invalid value in turn and Calc must circle exactly their cells. Circles are
counted; a wrong count makes the judge read each circle's cell to say which are wrong. Nothing
here decides what is right; it only reports what Calc says (RESULT.json).

One soffice process serves every workbook of the spec (starting it costs seconds); it runs headless
on a private pipe with a throw-away profile, and is always shut down, killed if it does not stop.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

START_TIMEOUT = 60  # first start of a fresh profile takes a few seconds; a cold CI machine more
TOTAL_TIMEOUT = int(os.environ.get("BAOCAO_UNO_TIMEOUT", "240"))
RESULT_ERROR = 4  # com.sun.star.sheet.FormulaResult.ERROR


class Timeout(Exception):
    pass


def on_alarm(_signum, _frame):
    raise Timeout("uno-judge: over %d s" % TOTAL_TIMEOUT)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_office(profile, pipe):
    args = [
        os.environ.get("SOFFICE", "soffice"),
        "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
    ]
    # Its own process group, so shutting down reaches soffice.bin behind the oosplash wrapper.
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.time() + START_TIMEOUT
    while True:
        try:
            ctx = resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
            )
            break
        except NoConnectException:
            if proc.poll() is not None:
                raise RuntimeError("soffice exited with %s before accepting" % proc.returncode)
            if time.time() > deadline:
                raise RuntimeError("soffice did not accept a connection in %d s" % START_TIMEOUT)
            time.sleep(0.2)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, desktop


def stop_office(proc, desktop):
    if desktop is not None:
        try:
            desktop.terminate()
        except Exception:  # the bridge dies with the process: that is the point
            pass
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def sheet_map(doc):
    sheets = doc.Sheets
    return {sheets.getByIndex(i).Name: sheets.getByIndex(i) for i in range(sheets.Count)}


def bounding(items):
    return (min(x["row"] for x in items), min(x["col"] for x in items),
            max(x["row"] for x in items), max(x["col"] for x in items))


def check_formulas(sheets, formulas):
    """Reads each sheet's formulas, values and error cells in a few calls (one UNO call costs
    about a millisecond, a workbook has thousands of formulas)."""
    by_sheet = {}
    for f in formulas:
        by_sheet.setdefault(f["sheet"], []).append(f)
    wrong = []
    for name, fs in by_sheet.items():
        top, left, bottom, right = bounding(fs)
        rng = sheets[name].getCellRangeByPosition(left - 1, top - 1, right - 1, bottom - 1)
        values, texts = rng.getDataArray(), rng.getFormulaArray()
        errors = set()
        for a in rng.queryFormulaCells(RESULT_ERROR).getRangeAddresses():
            for r in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    errors.add((r + 1, c + 1))
        for f in fs:
            got = values[f["row"] - top][f["col"] - left]
            text = texts[f["row"] - top][f["col"] - left]
            expect = f["expect"]
            bad = None
            if not text.startswith("="):
                bad = "not a formula"
            elif (f["row"], f["col"]) in errors:
                bad = "error"
            elif isinstance(expect, bool):
                if got != (1.0 if expect else 0.0):
                    bad = "boolean differs"
            elif isinstance(expect, (int, float)):
                if not isinstance(got, float):
                    bad = "not a number"
                elif abs(got - expect) > 1e-9 + 1e-9 * abs(expect):
                    bad = "number differs"
            else:
                want = "" if expect is None else expect
                if got != want:
                    bad = "text differs"
            if bad:
                wrong.append(dict(f, problem=bad, got=got, gotFormula=text))
    return wrong


def check_names(doc, sheets, names):
    """Calc resolves each name in a formula on a scratch sheet: SHEET, ROW, COLUMN, ROWS, COLUMNS."""
    named = doc.NamedRanges
    index_name = {i + 1: s for i, s in enumerate(sheets)}
    expected = {n["name"] for n in names}
    extra = [x for x in named.getElementNames() if x not in expected]
    if not names:
        return [], extra
    doc.Sheets.insertNewByName("_judge_names", doc.Sheets.Count)
    scratch = doc.Sheets.getByName("_judge_names")
    parts = "&\"|\"&".join("%s({n})" % f for f in ("SHEET", "ROW", "COLUMN", "ROWS", "COLUMNS"))
    grid = tuple(('=IFERROR(%s;"-")' % parts.format(n=n["name"]),) for n in names)
    rng = scratch.getCellRangeByPosition(0, 0, 0, len(names) - 1)
    rng.setFormulaArray(grid)
    wrong = []
    for n, (got,) in zip(names, rng.getDataArray()):
        want = {k: n[k] for k in ("sheet", "top", "left", "bottom", "right")}
        if got == "-" or not isinstance(got, str):
            wrong.append(dict(n, problem="missing" if n["name"] not in named.getElementNames()
                              else "refers to no cells"))
            continue
        sheet, row, col, rows, cols = (int(x) for x in got.split("|"))
        where = {"sheet": index_name.get(sheet), "top": row, "left": col,
                 "bottom": row + rows - 1, "right": col + cols - 1}
        if where != want:
            wrong.append(dict(n, problem="refers elsewhere", got=where))
    return wrong, extra


def type_into(rng, rows, cols, inp):
    """Types one value into every cell of a range, in one call."""
    kind, v = inp["type"], inp["v"]
    grid = tuple(tuple(v for _ in range(cols)) for _ in range(rows))
    if kind == "typed":
        # As a user types it: Calc parses the text (an ISO date becomes a date serial).
        rng.setFormulaArray(grid)
    else:
        # Numbers as numbers, texts as texts (a list item "=" stays text).
        rng.setDataArray(grid)


def marked_cells(sheet):
    """Cells Calc circled as invalid: each detective circle is anchored to its cell. Slow (a few
    ms a shape), so only used to say which cells are wrong once the count of circles is."""
    page = sheet.getDrawPage()
    marked, other = set(), 0
    for i in range(min(page.getCount(), 500)):
        anchor = page.getByIndex(i).Anchor
        if anchor is not None and hasattr(anchor, "getCellAddress"):
            a = anchor.getCellAddress()
            marked.add((a.Row + 1, a.Column + 1))
        else:
            other += 1
    return marked, other


def cells_of(p):
    return [(r, c) for r in range(p["top"], p["bottom"] + 1) for c in range(p["left"], p["right"] + 1)]


def check_probes(sheets, probes):
    """probes: one per validation range. First every range holds a valid value and no cell may be
    circled; then the ranges of a sheet that share their values, in turn, hold each invalid value
    (the others staying valid), and exactly their cells must be circled. Circles are counted;
    only a wrong count makes the judge find out which cells are wrong."""
    by_sheet = {}
    for p in probes:
        by_sheet.setdefault(p["sheet"], []).append(p)
    pages = {}
    for name in by_sheet:
        try:
            sheets[name].unprotect("")  # BáoCáo protects without a password; circles need it off
        except Exception:
            pass
        pages[name] = sheets[name].getDrawPage()
    base = {name: pages[name].getCount() for name in by_sheet}
    ranges = {
        id(p): sheets[p["sheet"]].getCellRangeByPosition(
            p["left"] - 1, p["top"] - 1, p["right"] - 1, p["bottom"] - 1
        )
        for p in probes
    }
    wrong, typed_wrong = [], []

    def typed(p, step):
        rng = ranges[id(p)]
        type_into(rng, p["bottom"] - p["top"] + 1, p["right"] - p["left"] + 1, step["input"])
        if "serial" in step:
            for r, line in enumerate(rng.getDataArray()):
                for c, got in enumerate(line):
                    if not isinstance(got, float) or abs(got - step["serial"]) > 1e-9:
                        typed_wrong.append(
                            dict(sheet=p["sheet"], row=p["top"] + r, col=p["left"] + c,
                                 input=step["input"], serial=step["serial"], got=got)
                        )

    def judge_sheet(name, step_for, expect_marked):
        sheet = sheets[name]
        sheet.showInvalid()
        if pages[name].getCount() - base[name] != len(expect_marked):
            marked, other = marked_cells(sheet)
            for p in by_sheet[name]:
                for rc in cells_of(p):
                    accepted = rc not in marked
                    if accepted != (rc not in expect_marked):
                        wrong.append(
                            dict(sheet=name, row=rc[0], col=rc[1], kind=p["kind"],
                                 input=step_for(p)["input"], valid=rc not in expect_marked,
                                 accepted=accepted)
                        )
            probe_cells = {rc for p in by_sheet[name] for rc in cells_of(p)}
            for rc in sorted(marked - probe_cells):
                wrong.append(dict(sheet=name, row=rc[0], col=rc[1], problem="circled, not an input"))
            if other:
                wrong.append(dict(sheet=name, problem="%d shapes not on a cell" % other))
        sheet.clearArrows()

    # Every input valid: nothing circled.
    for p in probes:
        typed(p, p["passes"][0])
    for name in by_sheet:
        judge_sheet(name, lambda p: p["passes"][0], set())
    # The ranges of a sheet with the same values (a table's columns of one rule), one group at a
    # time invalid: exactly their cells circled.
    groups = {}
    for p in probes:
        groups.setdefault((p["sheet"], json.dumps(p["passes"])), []).append(p)
    for (name, _), group in groups.items():
        expect = {rc for p in group for rc in cells_of(p)}
        for k in range(1, len(group[0]["passes"])):
            for p in group:
                typed(p, p["passes"][k])
            judge_sheet(name, lambda q, k=k: q["passes"][k] if q in group else q["passes"][0], expect)
        for p in group:
            typed(p, p["passes"][0])
    # A valid cell circled wrongly is circled in every pass: say it once.
    seen, unique = set(), []
    for w in wrong:
        key = json.dumps(w, sort_keys=True)
        if key not in seen:
            seen.add(key)
            unique.append(w)
    wrong = unique
    # Each cell judged with each of its values (and, silently, with the valid one all along).
    checked = sum(len(cells_of(p)) * len(p["passes"]) for p in probes)
    return {"checked": checked, "wrong": wrong, "typedWrong": typed_wrong}


def judge(desktop, wb):
    t0 = time.time()
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(os.path.abspath(wb["file"])), "_blank", 0,
        (prop("Hidden", True),),
    )
    if doc is None:
        return {"label": wb["label"], "error": "LibreOffice could not open the file"}
    try:
        loaded = time.time() - t0
        doc.calculateAll()
        sheets = sheet_map(doc)
        missing = sorted(
            {x["sheet"] for x in wb["formulas"] + wb["names"] + wb["probes"]} - set(sheets)
        )
        if missing:
            return {"label": wb["label"], "error": "sheets missing: %s" % missing}
        t1 = time.time()
        formulas = check_formulas(sheets, wb["formulas"])
        t2 = time.time()
        names, extra = check_names(doc, sheets, wb["names"])
        t3 = time.time()
        probes = check_probes(sheets, wb["probes"])
        t4 = time.time()
        return {
            "phases": {
                "load": round(loaded, 2),
                "calculate": round(t1 - t0 - loaded, 2),
                "formulas": round(t2 - t1, 2),
                "names": round(t3 - t2, 2),
                "validations": round(t4 - t3, 2),
            },
            "label": wb["label"],
            "seconds": round(time.time() - t0, 2),
            "loadSeconds": round(loaded, 2),
            "formulas": {"checked": len(wb["formulas"]), "wrong": formulas},
            "names": {"checked": len(wb["names"]), "wrong": names, "extra": extra},
            "probes": probes,
        }
    finally:
        doc.close(True)


def main():
    spec_file, result_file = sys.argv[1], sys.argv[2]
    with open(spec_file, encoding="utf-8") as f:
        spec = json.load(f)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, on_alarm)
    signal.alarm(TOTAL_TIMEOUT)
    profile = tempfile.mkdtemp(prefix="baocao-uno-")
    pipe = "baocao-judge-%d-%d" % (os.getpid(), int(time.time() * 1000))
    proc, desktop = None, None
    out = {"workbooks": []}
    try:
        t0 = time.time()
        proc, desktop = start_office(profile, pipe)
        out["startSeconds"] = round(time.time() - t0, 2)
        for wb in spec["workbooks"]:
            out["workbooks"].append(judge(desktop, wb))
        out["seconds"] = round(time.time() - t0, 2)
    finally:
        if proc is not None:
            stop_office(proc, desktop)
        shutil.rmtree(profile, ignore_errors=True)
        signal.alarm(0)
    with open(result_file, "w", encoding="utf-8") as f:
        # ASCII: a lone surrogate from hostile text must survive the trip back to Node.
        json.dump(out, f, ensure_ascii=True, indent=1)


if __name__ == "__main__":
    main()
