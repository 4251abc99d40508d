#!/usr/bin/env python3
"""Publishes an edited question every INTERVAL seconds through the admin API, for scripts/bench-search.sh:
editors at work while readers search. Each edit appends a counter word to a title, saves a draft and
publishes it. With --find-after, one more edit adds a word no question has, then measures how long until
/api/v1/search finds it (single node: commit to searchable).

usage: bench-publisher.py BASE_URL TOKEN IDS_FILE [--interval 1] [--seconds 60] [--find-after]
"""
import json, sys, time, urllib.request, urllib.parse, argparse

p = argparse.ArgumentParser()
p.add_argument("base"); p.add_argument("token"); p.add_argument("ids")
p.add_argument("--interval", type=float, default=1.0)
p.add_argument("--seconds", type=float, default=60)
p.add_argument("--find-after", action="store_true")
a = p.parse_args()
ids = [int(x) for x in open(a.ids).read().split()][:200]
if not ids:
    sys.exit("no question ids")

def call(method, path, body=None, headers=None):
    h = {"Authorization": "Bearer " + a.token, "Content-Type": "application/json"}
    h.update(headers or {})
    req = urllib.request.Request(a.base + path, method=method, headers=h,
                                 data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, dict(r.headers), json.loads(r.read() or b"null")

def edit(qid, word):
    _, headers, q = call("GET", f"/api/v1/admin/questions/{qid}")
    for k in ("status", "revision", "published_revision", "findings"):
        q.pop(k, None)
    loc = q["locales"].get("ru") or next(iter(q["locales"].values()))
    loc["title"] = " ".join(w for w in loc["title"].split() if not w.startswith("правка")) + " " + word
    call("PUT", f"/api/v1/admin/questions/{qid}", q, {"If-Match": headers.get("ETag", "")})
    call("POST", f"/api/v1/admin/questions/{qid}/publish", {})
    return q.get("site", "client"), ("ru" if "ru" in q["locales"] else next(iter(q["locales"])))

published, start, i = 0, time.time(), 0
while time.time() - start < a.seconds:
    t0 = time.time()
    edit(ids[i % len(ids)], f"правка{i}")
    published += 1
    i += 1
    time.sleep(max(0.0, a.interval - (time.time() - t0)))
print(f"publisher: {published} edits published in {time.time() - start:.0f} s")

if a.find_after:
    word = "бенчмаркслово" + str(int(time.time()))
    qid = ids[0]
    site, locale = edit(qid, word)
    written = time.time()
    for _ in range(2000):
        _, _, r = call("GET", "/api/v1/search?" + urllib.parse.urlencode({"q": word, "site": site, "locale": locale}))
        if any(h["id"] == qid for h in r["results"]):
            print(f"searchable after: {(time.time() - written) * 1000:.0f} ms (publish returned → found by search, this node)")
            break
        time.sleep(0.01)
    else:
        print("searchable after: not found within 20 s")
