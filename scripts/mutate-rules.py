#!/usr/bin/env python3
"""Mutation test of `nuan prove` (issue 14): small mutations of the shipped rules files, each
run through `nuan test` (the file's own worked examples) and `nuan prove`; reports which
mutants each catches.

    swift build -c release --product nuan
    python3 scripts/mutate-rules.py [--nuan .build/release/nuan] [--count 215] [--files …] [--weights …] [--seed 14]

A mutant is one edit of one file (outside comments, quoted text, 断言 blocks and the 例子 at the end):
  flip      a comparison: < ↔ ≤, > ↔ ≥
  reverse   a comparison turned round: < ↔ >, ≤ ↔ ≥
  number    a threshold, multiplier or amount: N 倍 → N+1 倍, N 元… → N+1 元…
  number-   the same, N−1
  drop      a condition: `且 X` or `或 X` removed (X up to the next 且 / 或 / end of line)
  item      one option dropped from a `属于` / `含任一` list
  andor     且 ↔ 或
  not       `非 ` removed
  fund      a benefit's first fund swapped for another fund code
  reorder   two neighbouring benefits of a 首个 group swapped
A mutant that does not compile (`nuan test` exit 2: `nuan check` refuses it) is counted apart
and not judged. A mutant of national-base runs the examples of every file that extends it, and
is proved on every file of --judge (by default all five).
`nuan test` catches a mutant when one of the file's own examples fails. `nuan prove` catches
it when it reports a refutation the unmutated file does not have (counts and source positions
ignored), or when a boundary example that `nuan prove --emit-examples` wrote for the unmutated
file (kept beside it, as the workflow keeps them) fails on the mutant.
"""
import argparse, os, random, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FUNDS = ["central_aid", "provincial_finance_aid", "provincial_union_aid", "provincial_union_warmth",
         "local_finance", "unit_admin", "union_own", "social_donation"]


def code_part(line):
    """The part of a line before a comment or a quoted string (where mutations apply)."""
    cut = len(line)
    for ch in ('#', '"'):
        i = line.find(ch)
        if i >= 0:
            cut = min(cut, i)
    return line[:cut]


def sites(text):
    lines = text.split("\n")
    end = next((i for i, l in enumerate(lines) if l.startswith("例子")), len(lines))
    out = []
    in_assertion = False
    for i in range(end):
        code = code_part(lines[i])
        if not code.strip():
            continue
        # 断言 blocks state what the rules must do; mutating one changes no decision (and a
        # weakened assertion is what `nuan diff` reports), so they are not mutation sites.
        if not code[0].isspace():
            in_assertion = code.startswith("断言") or code.startswith("覆盖 断言")
        if in_assertion:
            continue
        for m in re.finditer(r"(?<= )(<|≤|>|≥)(?= )", code):
            out.append(("flip", i, m.start(), m.group(1)))
            out.append(("reverse", i, m.start(), m.group(1)))
        for m in re.finditer(r"(?<![\w.])(\d+(?:\.\d+)?) (倍|元)", code):
            out.append(("number", i, m.start(), m.group(1)))
            out.append(("number-", i, m.start(), m.group(1)))
        for m in re.finditer(r" 且 ", code):
            out.append(("drop", i, m.start(), ""))
            out.append(("andor", i, m.start(), "且"))
        for m in re.finditer(r" 或 ", code):
            out.append(("drop", i, m.start(), ""))
            out.append(("andor", i, m.start(), "或"))
        if not re.match(r"\s*(资金|可支付|字段)", code):
            for m in re.finditer(r"\[([^\[\]]+)\]", code):
                items = m.group(1).split(", ")
                if len(items) > 1:
                    for k in range(len(items)):
                        out.append(("item", i, m.start(1), (m.group(1), k)))
        for m in re.finditer(r"(?<=[ (])非 ", code):
            out.append(("not", i, m.start(), ""))
        m = re.match(r"\s+资金 \[(\w+)", code)
        if m:
            out.append(("fund", i, m.start(1), m.group(1)))
    # 首个 groups: neighbouring benefits.
    i = 0
    while i < end:
        if "命中 首个" in lines[i]:
            starts = []
            j = i + 1
            while j < end and not lines[j].startswith("}"):
                if re.match(r"  福利 ", lines[j]):
                    starts.append(j)
                j += 1
            for a, b in zip(starts, starts[1:]):
                out.append(("reorder", a, b, j))
            i = j
        i += 1
    return out


def apply(text, site, rng):
    lines = text.split("\n")
    kind, i = site[0], site[1]
    line = lines[i]
    if kind == "flip":
        p, op = site[2], site[3]
        lines[i] = line[:p] + {"<": "≤", "≤": "<", ">": "≥", "≥": ">"}[op] + line[p + 1:]
    elif kind == "reverse":
        p, op = site[2], site[3]
        lines[i] = line[:p] + {"<": ">", "≤": "≥", ">": "<", "≥": "≤"}[op] + line[p + 1:]
    elif kind in ("number", "number-"):
        p, n = site[2], site[3]
        step = 1 if kind == "number" else -1
        new = str(int(float(n)) + step) if "." not in n else str(round(float(n) + step * 0.5, 2))
        lines[i] = line[:p] + new + line[p + len(n):]
    elif kind == "item":
        p, (text, k) = site[2], site[3]
        items = text.split(", ")
        lines[i] = line[:p] + ", ".join(items[:k] + items[k + 1:]) + line[p + len(text):]
    elif kind == "drop":
        p = site[2]
        rest = line[p + 3:]
        m = re.search(r" 且 | 或 |\)|  依据|$", rest)
        lines[i] = line[:p] + rest[m.start():]
    elif kind == "andor":
        p, w = site[2], site[3]
        lines[i] = line[:p] + " " + ("或" if w == "且" else "且") + " " + line[p + 3:]
    elif kind == "not":
        p = site[2]
        lines[i] = line[:p] + line[p + 2:]
    elif kind == "fund":
        p, f = site[2], site[3]
        other = rng.choice([x for x in FUNDS if x != f])
        lines[i] = line[:p] + other + line[p + len(f):]
    elif kind == "reorder":
        a, b, end = site[1], site[2], site[3]
        c = next((k for k in range(b + 1, end) if re.match(r"  福利 ", lines[k])), end)
        # Blocks run from a benefit line to the line before the next (comments included).
        first, second = lines[a:b], lines[b:c]
        lines[a:c] = second + first
    return "\n".join(lines)


def run(cmd, env=None):
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    return p.returncode, p.stdout


def findings(out):
    keep = set()
    for l in out.split("\n"):
        if l.startswith("    - ") or "✗ 输入空间过大" in l:
            l = re.sub(r"（共 \d+ 个单元出现同样的问题）", "", l)
            l = re.sub(r"（[^（）]*\.rules:\d+:\d+）", "", l)
            l = re.sub(r"分支最多的输入：.*", "", l)
            keep.add(l.strip())
    return keep


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nuan", default=os.path.join(ROOT, ".build/release/nuan"))
    ap.add_argument("--count", type=int, default=240)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--files", default="leshan-2012,qinghai-2020,wuzhou-2018,bengbu-2022,heilongjiang-2021,national-base")
    ap.add_argument("--weights", default="13,10,25,40,30,130", help="mutants per file, in --files order (scaled to --count)")
    ap.add_argument("--offset", type=int, default=0, help="skip the first N sites of each file's shuffled list (to split a run)")
    ap.add_argument("--judge", default="leshan-2012,qinghai-2020,wuzhou-2018,bengbu-2022,heilongjiang-2021",
                    help="the files that judge a mutant of national-base (all its children run nuan test)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    files = args.files.split(",")
    weights = [int(w) for w in args.weights.split(",")]
    total_w = sum(weights)
    tmp = tempfile.mkdtemp(prefix="nuan-mutants-")
    rules = os.path.join(tmp, "Rules")
    shutil.copytree(os.path.join(ROOT, "Rules"), rules)
    children = sorted(f[:-6] for f in os.listdir(rules) if f.endswith(".rules") and f != "national-base.rules")
    baseline = {}
    for name in set(files + args.judge.split(",")) - {"national-base"}:
        _, out = run([args.nuan, "prove", "--emit-examples", rules, os.path.join(rules, name + ".rules")])
        baseline[name] = findings(out)
    results = []
    for name, w in zip(files, weights):
        path = os.path.join(ROOT, "Rules", name + ".rules")
        text = open(path, encoding="utf-8").read()
        target = os.path.join(rules, name + ".rules")
        tested = children if name == "national-base" else [name]
        judged_by = args.judge.split(",") if name == "national-base" else [name]
        all_sites = sites(text)
        rng.shuffle(all_sites)
        all_sites = all_sites[args.offset:]
        want = max(1, round(args.count * w / total_w))
        done = 0
        for site in all_sites:
            if done >= want:
                break
            mutant = apply(text, site, rng)
            if mutant == text:
                continue
            open(target, "w", encoding="utf-8").write(mutant)
            # A mutant that does not compile (nuan test exit 2: a rules-file error) is not judged.
            tcode, _ = run([args.nuan, "test"] + [os.path.join(rules, t + ".rules") for t in tested])
            if tcode == 2:
                results.append((name, site[0], "invalid", False, False, site[1] + 1, ""))
                continue
            by_test = tcode == 1
            by_prove = False
            for j in judged_by:
                _, pout = run([args.nuan, "prove", os.path.join(rules, j + ".rules")])
                bcode, _ = run([args.nuan, "test", os.path.join(rules, j + ".boundary.rules")])
                if findings(pout) - baseline[j] or bcode == 1:
                    by_prove = True
                    break
            line = mutant.split("\n")[site[1]].strip()
            results.append((name, site[0], "ok", by_test, by_prove, site[1] + 1, line))
            done += 1
            print(f"{name:18} {site[0]:8} test={'caught' if by_test else '-':6} prove={'caught' if by_prove else '-'}", flush=True)
        open(target, "w", encoding="utf-8").write(text)
    shutil.rmtree(tmp)
    judged = [r for r in results if r[2] == "ok"]
    t = sum(1 for r in judged if r[3])
    p = sum(1 for r in judged if r[4])
    only_p = sum(1 for r in judged if r[4] and not r[3])
    only_t = sum(1 for r in judged if r[3] and not r[4])
    either = sum(1 for r in judged if r[3] or r[4])
    print()
    print(f"mutants judged: {len(judged)} (not compiling: {len(results) - len(judged)})")
    print(f"caught by nuan test: {t}")
    print(f"caught by nuan prove: {p}")
    print(f"caught by nuan prove and not by nuan test: {only_p}")
    print(f"caught by nuan test and not by nuan prove: {only_t}")
    print(f"caught by either: {either}; by neither: {len(judged) - either}")
    for k in sorted(set(r[1] for r in judged)):
        rs = [r for r in judged if r[1] == k]
        print(f"  {k:8} {len(rs):4} test {sum(1 for r in rs if r[3]):4} prove {sum(1 for r in rs if r[4]):4}")
    for f in files:
        rs = [r for r in judged if r[0] == f]
        print(f"  {f:18} {len(rs):4} test {sum(1 for r in rs if r[3]):4} prove {sum(1 for r in rs if r[4]):4}")
    for title, pick in [("caught by nuan test only", lambda r: r[3] and not r[4]),
                        ("caught by neither", lambda r: not r[3] and not r[4])]:
        rs = [r for r in judged if pick(r)]
        if rs:
            print(f"\n{title}:")
            for r in rs:
                print(f"  {r[0]}.rules:{r[5]} {r[1]}: {r[6][:100]}")


if __name__ == "__main__":
    sys.exit(main())
