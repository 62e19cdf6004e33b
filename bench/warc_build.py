#!/usr/bin/env python3
"""Builds a CC-NEWS-like WARC 1.1 file (one gzip member per record) from a
folder of .html.gz pages, for benchmarking the WARC reader.  Each page
becomes a request record and a response record (HTTP 200, text/html); a
warcinfo record opens the file.  Standard library only.

Usage: warc_build.py PAGES_DIR OUT.warc.gz [REPEAT] [CONTENT_TYPE]

CONTENT_TYPE (default "text/html; charset=utf-8") is the HTTP Content-Type
of the responses; a non-HTML type makes an archive the reader must inflate
and parse but not analyse, which measures the WARC reading itself.
"""
import gzip
import io
import os
import sys
import uuid


def record(kind, uri, payload, extra=""):
    rid = uuid.uuid4()
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "WARC-Date: 2024-03-01T12:00:00Z\r\n%s%s"
            "Content-Length: %d\r\n\r\n") % (
        kind, rid, ("WARC-Target-URI: %s\r\n" % uri) if uri else "", extra,
        len(payload))
    return head.encode() + payload + b"\r\n\r\n"


def main():
    src, out = sys.argv[1], sys.argv[2]
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    ctype = sys.argv[4] if len(sys.argv) > 4 else "text/html; charset=utf-8"
    pages = sorted(f for f in os.listdir(src) if f.endswith(".html.gz"))
    with open(out, "wb") as fh:
        info = b"software: tidings bench\r\nformat: WARC File Format 1.1\r\n"
        fh.write(gzip.compress(record("warcinfo", None, info,
                                      "Content-Type: application/warc-fields\r\n"), 6))
        for r in range(repeat):
            for i, p in enumerate(pages):
                html = gzip.open(os.path.join(src, p)).read()
                uri = "https://news.example/%d/%s" % (r, p[:-8])
                req = ("GET /%s HTTP/1.1\r\nHost: news.example\r\n\r\n" % p).encode()
                fh.write(gzip.compress(record(
                    "request", uri, req,
                    "Content-Type: application/http; msgtype=request\r\n"), 6))
                http = ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\n"
                        "Content-Length: %d\r\n\r\n" % (ctype, len(html))).encode() + html
                fh.write(gzip.compress(record(
                    "response", uri, http,
                    "Content-Type: application/http; msgtype=response\r\n"), 6))


if __name__ == "__main__":
    main()
