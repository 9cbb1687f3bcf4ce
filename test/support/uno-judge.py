#!/usr/bin/python3
"""An outside judge of BáoCáo's workbooks: LibreOffice Calc, driven through its UNO bridge.

    /usr/bin/python3 uno-judge.py SPEC.json RESULT.json

SPEC lists workbooks and, for each, what BáoCáo's core expects (built by test/support/uno-spec.ts):
  formulas: cells whose value Calc must compute, after a full recalculation, as the core did;
  names:    defined names and the sheet/range each must refer to;
  probes:   data-validated input cells and, per pass, a value to type and whether Calc must accept it.
For every pass the judge types the pass's value into each probe cell, asks Calc to circle invalid
data (XSheetAuditing.showInvalid) and reads back which cells got a circle: a circled cell is one
Calc rejects. Nothing here decides what is right; it only reports what Calc says (RESULT.json).

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
from com.sun.star.table.CellContentType import FORMULA, VALUE

START_TIMEOUT = 60  # first start of a fresh profile takes a few seconds; a cold CI machine more
TOTAL_TIMEOUT = int(os.environ.get("BAOCAO_UNO_TIMEOUT", "240"))
# com.sun.star.sheet.FormulaResult
RESULT_VALUE, RESULT_STRING, RESULT_ERROR = 1, 2, 4


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


def check_formulas(sheets, formulas):
    wrong = []
    for f in formulas:
        cell = sheets[f["sheet"]].getCellByPosition(f["col"] - 1, f["row"] - 1)
        expect = f["expect"]
        got = {"type": cell.getType().value, "formula": cell.getFormula()}
        bad = None
        if cell.getType() != FORMULA:
            bad = "not a formula"
        elif cell.getError() != 0:
            bad = "error %d" % cell.getError()
            got["string"] = cell.getString()
        else:
            kind = cell.getPropertyValue("FormulaResultType2")
            if isinstance(expect, bool):
                got["value"] = cell.getValue()
                if kind != RESULT_VALUE or cell.getValue() != (1.0 if expect else 0.0):
                    bad = "boolean differs"
            elif isinstance(expect, (int, float)):
                got["value"] = cell.getValue()
                if kind != RESULT_VALUE:
                    bad = "not a number"
                    got["string"] = cell.getString()
                elif abs(cell.getValue() - expect) > 1e-9 + 1e-9 * abs(expect):
                    bad = "number differs"
            else:
                text = "" if expect is None else expect
                got["string"] = cell.getString()
                if kind == RESULT_VALUE and text != "":
                    bad = "a number, not text"
                elif cell.getString() != text:
                    bad = "text differs"
        if bad:
            wrong.append(dict(f, problem=bad, got=got))
    return wrong


def check_names(doc, sheets, names):
    named = doc.NamedRanges
    index_name = {i: s.Name for i, s in enumerate(sheets.values())}
    wrong = []
    for n in names:
        if not named.hasByName(n["name"]):
            wrong.append(dict(n, problem="missing"))
            continue
        nr = named.getByName(n["name"])
        refs = nr.getReferredCells()
        if refs is None:
            wrong.append(dict(n, problem="refers to no cells", content=nr.getContent()))
            continue
        a = refs.getRangeAddress()
        got = {
            "sheet": index_name.get(a.Sheet),
            "top": a.StartRow + 1,
            "left": a.StartColumn + 1,
            "bottom": a.EndRow + 1,
            "right": a.EndColumn + 1,
        }
        want = {k: n[k] for k in ("sheet", "top", "left", "bottom", "right")}
        if got != want:
            wrong.append(dict(n, problem="refers elsewhere", got=got, content=nr.getContent()))
    expected = {n["name"] for n in names}
    extra = [x for x in named.getElementNames() if x not in expected]
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


def circle_invalid(sheet, before):
    """Asks Calc to circle invalid data; the number of circles it drew."""
    sheet.showInvalid()
    return sheet.getDrawPage().getCount() - before


def check_probes(sheets, probes):
    """probes: one per validation range. First every range holds a valid value and no cell may be
    circled; then each range in turn holds each invalid value, the others staying valid, and
    exactly the cells of that range must be circled."""
    by_sheet = {}
    for p in probes:
        by_sheet.setdefault(p["sheet"], []).append(p)
    for name in by_sheet:
        try:
            sheets[name].unprotect("")  # BáoCáo protects without a password; circles need it off
        except Exception:
            pass
    base = {name: sheets[name].getDrawPage().getCount() for name in by_sheet}
    wrong, typed_wrong = [], []
    # Each cell judged with each of its values (and, silently, with the valid one all along).
    checked = sum(len(cells_of(p)) * len(p["passes"]) for p in probes)

    def typed(p, rng, step):
        rows, cols = p["bottom"] - p["top"] + 1, p["right"] - p["left"] + 1
        type_into(rng, rows, cols, step["input"])
        if "serial" in step:
            for r, line in enumerate(rng.getDataArray()):
                for c, got in enumerate(line):
                    if not isinstance(got, float) or abs(got - step["serial"]) > 1e-9:
                        typed_wrong.append(
                            dict(sheet=p["sheet"], row=p["top"] + r, col=p["left"] + c,
                                 input=step["input"], serial=step["serial"], got=got)
                        )

    def judge_sheet(name, step_for, expect_marked):
        """Circles invalid data on one sheet; when the count is not the expected one, finds out
        which cells are wrong."""
        sheet = sheets[name]
        count = circle_invalid(sheet, base[name])
        if count != len(expect_marked):
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
                wrong.append(dict(sheet=name, row=rc[0], col=rc[1], kind=None, problem="circled, not an input"))
            if other:
                wrong.append(dict(sheet=name, problem="%d shapes not on a cell" % other))
        sheet.clearArrows()

    ranges = {
        id(p): sheets[p["sheet"]].getCellRangeByPosition(
            p["left"] - 1, p["top"] - 1, p["right"] - 1, p["bottom"] - 1
        )
        for p in probes
    }
    # Every input valid: nothing circled.
    for p in probes:
        typed(p, ranges[id(p)], p["passes"][0])
    for name in by_sheet:
        judge_sheet(name, lambda p: p["passes"][0], set())
    # One range at a time invalid: exactly its cells circled.
    for p in probes:
        for step in p["passes"][1:]:
            typed(p, ranges[id(p)], step)
            judge_sheet(p["sheet"], lambda q, p=p, step=step: step if q is p else q["passes"][0],
                        set(cells_of(p)))
        typed(p, ranges[id(p)], p["passes"][0])
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
        json.dump(out, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
