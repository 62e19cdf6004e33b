#!/usr/bin/env python3
"""Writes the WARC files the command-line tests read, into OUT_DIR:
  good.warc.gz       warcinfo, request, two HTML 200 responses, a 404, an image
  truncated.warc.gz  good.warc.gz cut in the middle of its last member
  corrupt.warc.gz    good.warc.gz with the first HTML member's data damaged
  plain.warc         the same records without gzip
The pages are tidings' own test pages (tests/data/html).  Standard library
only; run at test time so no binary files live in the tree.

Usage: make_warcs.py HTML_DIR OUT_DIR
"""
import gzip
import os
import sys


def record(kind, rid, uri, block, ctype=None):
    head = "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n" \
           "WARC-Date: 2023-09-15T10:00:00Z\r\n" % (kind, rid)
    if uri:
        head += "WARC-Target-URI: %s\r\n" % uri
    if ctype:
        head += "Content-Type: %s\r\n" % ctype
    head += "Content-Length: %d\r\n\r\n" % len(block)
    return head.encode() + block + b"\r\n\r\n"


def response(rid, uri, status, ctype, body):
    http = ("HTTP/1.1 %d X\r\nContent-Type: %s\r\n\r\n" % (status, ctype)).encode() + body
    return record("response", rid, uri, http, "application/http; msgtype=response")


def main():
    html_dir, out = sys.argv[1], sys.argv[2]
    page = open(os.path.join(html_dir, "article.html"), "rb").read()
    latin = open(os.path.join(html_dir, "wrong-charset.html"), "rb").read()
    recs = [
        record("warcinfo", "00000000-0000-4000-8000-000000000000", None,
               b"software: tidings tests\r\n", "application/warc-fields"),
        record("request", "11111111-1111-4111-8111-111111111111",
               "https://valleywire.example/school-saved", b"GET / HTTP/1.1\r\n\r\n",
               "application/http; msgtype=request"),
        response("22222222-2222-4222-8222-222222222222",
                 "https://valleywire.example/school-saved", 200,
                 "text/html; charset=utf-8", page),
        response("33333333-3333-4333-8333-333333333333",
                 "https://valleywire.example/gone", 404, "text/html", b"<p>Not found</p>"),
        response("44444444-4444-4444-8444-444444444444",
                 "https://valleywire.example/logo.png", 200, "image/png", b"\x89PNG\r\n"),
        response("55555555-5555-4555-8555-555555555555",
                 "https://valleywire.example/cafes", 200, "text/html", latin),
    ]
    members = [gzip.compress(r, 6) for r in recs]
    good = b"".join(members)
    with open(os.path.join(out, "good.warc.gz"), "wb") as fh:
        fh.write(good)
    with open(os.path.join(out, "plain.warc"), "wb") as fh:
        fh.write(b"".join(recs))
    with open(os.path.join(out, "truncated.warc.gz"), "wb") as fh:
        fh.write(good[:len(good) - len(members[-1]) // 2])
    bad = bytearray(good)
    start = sum(len(m) for m in members[:2])
    for i in range(start + 12, start + 40):
        bad[i] ^= 0x5A
    with open(os.path.join(out, "corrupt.warc.gz"), "wb") as fh:
        fh.write(bytes(bad))
    print(start)


if __name__ == "__main__":
    main()
