#!/usr/bin/env python3
"""Fits the local answerer's span and sentence models from `eval answers --features F` output (numpy only).

    python3 tools/fit_local.py spans F        # SpanModel weights (softmax over a sentence's phrases)
    python3 tools/fit_local.py sentences F    # sentence weights, extra-sentence share (Calibration, LocalAnswerGenerator)

SQuAD articles alternate between the two halves (a00, a04, … and a02, a06, …); the printed figures are for
both halves, and the weights are refitted on all questions at the end. Deterministic (no random initialisation).
"""
import json, re, string, sys
import numpy as np

PUNCT = set(string.punctuation) | set("‘’“”–—…")

def norm(s):
    s = s.lower()
    s = "".join(ch for ch in s if ch not in PUNCT)
    s = re.sub(r"\b(a|an|the)\b", " ", s)
    return " ".join(s.split())

def contains(text, gold):
    g = norm(gold)
    return bool(g) and (" " + g + " ") in (" " + norm(text) + " ")

def f1(pred, gold):
    p, g = norm(pred).split(), norm(gold).split()
    if not p or not g:
        return float(p == g)
    common = {}
    for t in g:
        common[t] = common.get(t, 0) + 1
    same = 0
    for t in p:
        if common.get(t, 0) > 0:
            same += 1
            common[t] -= 1
    if same == 0:
        return 0.0
    pr, rc = same / len(p), same / len(g)
    return 2 * pr * rc / (pr + rc)

def load(path):
    import os, pickle
    cache = path + ".pickle"
    if os.path.exists(cache) and os.path.getmtime(cache) > os.path.getmtime(path):
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    rows = []
    with open(path) as fh:
        for line in fh:
            r = json.loads(line)
            for c in r["candidates"]:
                if isinstance(c["features"], dict):  # named features (eval calibrate's format), in model order
                    c["features"] = list(c["features"].values())
            if r["answers"]:
                r["half"] = int(re.match(r"a(\d+)", r["gold"]).group(1)) // 2 % 2
            else:
                r["half"] = len(rows) % 2
            rows.append(r)
    with open(cache, "wb") as fh:
        pickle.dump(rows, fh)
    return rows

def softmax_fit(groups, dim, l2=0.01, iters=400, lr=0.5):
    """groups: list of (X [n, dim], target distribution [n]); minimises cross-entropy by full-batch gradient descent."""
    w = np.zeros(dim)
    for it in range(iters):
        grad = np.zeros(dim)
        for X, t in groups:
            z = X @ w
            z -= z.max()
            p = np.exp(z)
            p /= p.sum()
            grad += X.T @ (p - t)
        grad = grad / len(groups) + l2 * w
        w -= lr * grad
    return w

# ------------------------------------------------------------------ spans
def span_groups(rows, half=None):
    out = []
    for r in rows:
        if not r["answers"] or (half is not None and r["half"] != half):
            continue
        for s in r["spans"]:
            sent = r["candidates"][s["rank"]]["text"]
            if not any(contains(sent, g) for g in r["answers"]) or not s["spans"]:
                continue
            scores = np.array([max(f1(x["text"], g) for g in r["answers"]) for x in s["spans"]])
            if scores.max() <= 0:
                continue
            t = (scores >= scores.max() - 1e-9).astype(float)
            out.append((np.array([x["f"] for x in s["spans"]]), t / t.sum()))
            break
    return out

def span_eval(rows, w, half, floor=-1e9):
    """EM/F1 of the best phrase of the top-ranked sentence, over all answerable questions of the half."""
    em = f = n = given = 0
    for r in rows:
        if not r["answers"] or r["half"] != half:
            continue
        n += 1
        top = [s for s in r["spans"] if s["rank"] == 0]
        if not top or not top[0]["spans"]:
            continue
        X = np.array([x["f"] for x in top[0]["spans"]])
        z = X @ w
        i = int(z.argmax())
        if z[i] < floor:
            continue
        given += 1
        pred = top[0]["spans"][i]["text"]
        em += max(float(norm(pred) == norm(g)) for g in r["answers"])
        f += max(f1(pred, g) for g in r["answers"])
    return em / n, f / n, given / n

def fit_spans(rows):
    dim = len(rows[0]["spans"][0]["spans"][0]["f"])
    for half in (0, 1):
        w = softmax_fit(span_groups(rows, half), dim)
        em, f, rate = span_eval(rows, w, 1 - half)
        print(f"fit on half {half}, check on half {1 - half}: EM {em:.3f} F1 {f:.3f} rate {rate:.3f}")
    w = softmax_fit(span_groups(rows), dim)
    for half in (0, 1):
        em, f, rate = span_eval(rows, w, half)
        print(f"all-data fit, half {half}: EM {em:.3f} F1 {f:.3f}")
    print("weights:", ", ".join(f"{x:.3f}" for x in w))

# ------------------------------------------------------------------ sentences
def sentence_groups(rows, half=None):
    out = []
    for r in rows:
        if not r["answers"] or (half is not None and r["half"] != half) or not r["candidates"]:
            continue
        t = np.array([float(any(contains(c["text"], g) for g in r["answers"])) for c in r["candidates"]])
        if t.sum() == 0:
            continue
        out.append((np.array([c["features"] for c in r["candidates"]]), t / t.sum()))
    return out

def sentence_eval(rows, w, half, share):
    first = hit = sents = n = 0
    for r in rows:
        if not r["answers"] or r["half"] != half:
            continue
        n += 1
        c = r["candidates"]
        if not c:
            continue
        z = np.array([x["features"] for x in c]) @ w
        order = np.argsort(-z, kind="stable")
        chosen = [order[0]]
        for i in order[1:]:
            if len(chosen) >= 3 or np.exp(z[i] - z[order[0]]) < share:
                break
            if len(c[i]["text"]) < 20 or any(c[i]["text"] == c[j]["text"] for j in chosen):
                continue
            chosen.append(i)
        sents += len(chosen)
        golds = r["answers"]
        if any(contains(c[order[0]]["text"], g) for g in golds):
            first += 1
        if any(contains(c[i]["text"], g) for i in chosen for g in golds):
            hit += 1
    return first / n, hit / n, sents / n

def fit_sentences(rows):
    dim = len(rows[0]["candidates"][0]["features"])
    for half in (0, 1):
        w = softmax_fit(sentence_groups(rows, half), dim, l2=0.001, iters=600)
        for share in (0.2, 0.3, 0.4, 0.5, 0.7):
            fs, hit, spa = sentence_eval(rows, w, 1 - half, share)
            print(f"fit {half} check {1 - half} share {share}: first {fs:.3f} hit {hit:.3f} sentences {spa:.2f}")
    w = softmax_fit(sentence_groups(rows), dim, l2=0.001, iters=600)
    print("weights:", ", ".join(f"{x:.3f}" for x in w))

if __name__ == "__main__":
    what, path = sys.argv[1], sys.argv[2]
    rows = load(path)
    {"spans": fit_spans, "sentences": fit_sentences}[what](rows)
