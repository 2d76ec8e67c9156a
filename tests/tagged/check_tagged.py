#!/usr/bin/python3
"""check_tagged.py - styrrapport's own check of a tagged PDF: the machine-checkable
conditions of PDF/UA-1 (ISO 14289-1, Matterhorn Protocol 1.1 failure conditions) and of
PDF/A-2a level A that the program is responsible for, grouped in families:

  content     every painted item is tagged (MCID) or an artifact, never both, and marked
              content neither straddles BT/ET nor is left open     (Matterhorn 01-003..5)
  mcid        each MCID once per page, every MCID in the content has its element and
              every MCID the tree names is in the content          (ISO 32000-1 14.7.4)
  parenttree  /StructParents on every page, ParentTree[key][MCID] is the element holding
              the MCID, every element's /P is its parent          (14.7.4.4; UA 7.1-12)
  roles       every type standard or role-mapped to one, no standard type remapped (02-*)
  headings    the first heading H1, no level skipped, not both H and Hn    (14-002..7)
  tables      Table > (Caption) THead/TBody/TFoot > TR > TH/TD, every TH with /Scope,
              every row the same number of cells              (09-004, 15-003, UA 7.5)
  lists       L > LI > Lbl/LBody                                            (09-005)
  toc         TOC > TOCI                                                    (09-006)
  figures     every Figure with /Alt and a /BBox                       (13-004; 14.8.5.4)
  links       every Link annotation in a Link element through an OBJR, with /Contents and
              /StructParent pointing back; /Tabs /S on pages with annotations (28-*)
  metadata    MarkInfo /Marked true, StructTreeRoot, XMP with pdfuaid:part 1 declared in a
              PDF/A extension schema, pdfaid part 2 / conformance A (unless --no-pdfa),
              dc:title = Info /Title, /Lang, DisplayDocTitle       (06-*, 07-*, A2 6.6.4)

usage: check_tagged.py [--no-pdfa] FILE.pdf...
exit status: 0 every family passes, 1 a condition fails, 2 a file cannot be read.
Debian: apt-get install python3-pikepdf
"""
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf

FAMILIES = ["content", "mcid", "parenttree", "roles", "headings", "tables", "lists", "toc",
            "figures", "links", "metadata"]
STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note
Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form""".split())
PAINT = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "EI"}
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/",
      "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
      "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#"}


def name(x):
    return str(x)[1:] if isinstance(x, pikepdf.Name) else None


def og(o):
    try:
        return o.objgen if o.is_indirect else ("direct", id(o))
    except Exception:
        return ("direct", id(o))


class Checker:
    def __init__(self, pdf, pdfa=True):
        self.pdf, self.pdfa = pdf, pdfa
        self.fails = {f: [] for f in FAMILIES}
        self.page_of = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}

    def fail(self, family, msg):
        self.fails[family].append(msg)

    # ---- the tree ----
    def walk(self):
        root = self.pdf.Root.get("/StructTreeRoot")
        self.elems, self.mcr, self.objr = [], {}, {}
        if root is None:
            self.fail("metadata", "no StructTreeRoot")
            return
        rm = root.get("/RoleMap", pikepdf.Dictionary())
        self.rolemap = {str(k)[1:]: name(v) for k, v in rm.items()}
        stack = [(k, root) for k in reversed(self.kids(root))]
        seen = set()
        while stack:
            e, parent = stack.pop()
            if not isinstance(e, pikepdf.Dictionary) or og(e) in seen:
                continue
            seen.add(og(e))
            s = name(e.get("/S"))
            if s is None:
                continue
            if og(e.get("/P")) != og(parent):
                self.fail("parenttree", f"{s}: /P is not its parent")
            self.elems.append((e, s, parent))
            pg = e.get("/Pg")
            children = []
            for k in self.kids(e):
                if isinstance(k, int):
                    self.own_mcid(e, pg, int(k))
                elif isinstance(k, pikepdf.Dictionary) and name(k.get("/Type")) == "MCR":
                    self.own_mcid(e, k.get("/Pg", pg), int(k.MCID))
                elif isinstance(k, pikepdf.Dictionary) and name(k.get("/Type")) == "OBJR":
                    self.objr[og(k.Obj)] = e
                elif isinstance(k, pikepdf.Dictionary):
                    children.append(k)
            stack.extend((k, e) for k in reversed(children))   # depth first, in order

    @staticmethod
    def is_elem(k):
        return isinstance(k, pikepdf.Dictionary) and "/S" in k

    @staticmethod
    def kids(e):
        k = e.get("/K")
        if k is None:
            return []
        return list(k) if isinstance(k, pikepdf.Array) else [k]

    def own_mcid(self, e, pg, mcid):
        if pg is None or pg.objgen not in self.page_of:
            self.fail("mcid", f"MCID {mcid} without a page")
            return
        key = (self.page_of[pg.objgen], mcid)
        if key in self.mcr:
            self.fail("mcid", f"page {key[0] + 1} MCID {mcid} claimed twice")
        self.mcr[key] = e

    def typ(self, s):
        return self.rolemap.get(s, s) if s not in STANDARD else s

    # ---- families ----
    def roles(self):
        for s, m in self.rolemap.items():
            if s in STANDARD:
                self.fail("roles", f"standard type {s} remapped")
            elif m not in STANDARD:
                self.fail("roles", f"{s} maps to non-standard {m}")
        for _, s, _ in self.elems:
            if s not in STANDARD and s not in self.rolemap:
                self.fail("roles", f"non-standard type {s} without a RoleMap entry")

    def structure(self):
        prev, first = 0, True
        for e, s, parent in self.elems:
            t = self.typ(s)
            kids = [self.typ(name(k.S)) for k in self.kids(e) if self.is_elem(k)]
            if re.fullmatch(r"H[1-6]", t):
                level = int(t[1])
                if first and level != 1:
                    self.fail("headings", f"the first heading is {t}")
                elif level > prev + 1:
                    self.fail("headings", f"{t} after H{prev}")
                prev, first = level, False
            elif t == "H":
                self.fail("headings", "an unnumbered H beside H1..H6")
            if t == "Table":
                self.table(e, kids)
            elif t in ("THead", "TBody", "TFoot") and any(k != "TR" for k in kids):
                self.fail("tables", f"{t} holds {kids}")
            elif t == "TR" and (any(k not in ("TH", "TD") for k in kids) or not kids):
                self.fail("tables", f"TR holds {kids}")
            elif t in ("TH", "TD", "TR", "THead", "TBody") and \
                    self.typ(name(parent.get("/S"))) not in {"TH": ("TR",), "TD": ("TR",),
                    "TR": ("Table", "THead", "TBody", "TFoot"), "THead": ("Table",),
                    "TBody": ("Table",)}[t]:
                self.fail("tables", f"{t} outside its table structure")
            if t == "TH" and not self.has_scope(e):
                self.fail("tables", "TH without /Scope")
            if t == "L" and any(k not in ("LI", "L", "Caption") for k in kids):
                self.fail("lists", f"L holds {kids}")
            if t == "LI" and (any(k not in ("Lbl", "LBody") for k in kids) or not kids):
                self.fail("lists", f"LI holds {kids}")
            if t in ("LI",) and self.typ(name(parent.get("/S"))) != "L":
                self.fail("lists", "LI outside an L")
            if t in ("Lbl", "LBody") and self.typ(name(parent.get("/S"))) != "LI":
                self.fail("lists", f"{t} outside an LI")
            if t == "TOC" and any(k not in ("TOCI", "TOC", "Caption") for k in kids):
                self.fail("toc", f"TOC holds {kids}")
            if t == "TOCI" and self.typ(name(parent.get("/S"))) != "TOC":
                self.fail("toc", "TOCI outside a TOC")
            if t == "Figure":
                alt = e.get("/Alt")
                if alt is None or not str(alt).strip():
                    self.fail("figures", "Figure without /Alt")
                if not self.has_bbox(e):
                    self.fail("figures", "Figure without /BBox")

    def table(self, e, kids):
        if any(k not in ("TR", "THead", "TBody", "TFoot", "Caption") for k in kids):
            self.fail("tables", f"Table holds {kids}")
        if kids.count("Caption") > 1 or "Caption" in kids[1:-1]:
            self.fail("tables", "Caption not first or last")
        widths = set()
        for g in self.kids(e):
            if not self.is_elem(g):
                continue
            rows = [g] if self.typ(name(g.S)) == "TR" else \
                [r for r in self.kids(g) if self.is_elem(r)]
            for r in rows:
                if self.typ(name(r.S)) == "TR":
                    widths.add(sum(int(c.get("/A", {}).get("/ColSpan", 1))
                                   if isinstance(c.get("/A"), pikepdf.Dictionary) else 1
                                   for c in self.kids(r) if self.is_elem(c)))
        if len(widths) > 1:
            self.fail("tables", f"rows of {sorted(widths)} cells in one table")

    @staticmethod
    def attrs(e):
        a = e.get("/A")
        if a is None:
            return []
        return [x for x in (list(a) if isinstance(a, pikepdf.Array) else [a])
                if isinstance(x, pikepdf.Dictionary)]

    def has_scope(self, e):
        return any(name(a.get("/Scope")) in ("Row", "Column", "Both") for a in self.attrs(e))

    def has_bbox(self, e):
        return any(isinstance(a.get("/BBox"), pikepdf.Array) and len(a.BBox) == 4
                   for a in self.attrs(e))

    def content(self):
        self.content_mcids = set()
        for i, page in enumerate(self.pdf.pages):
            stack, in_bt, bt_depth, seen = [], False, 0, set()
            for operands, op in pikepdf.parse_content_stream(page):
                op = str(op)
                if op in ("BDC", "BMC"):
                    tag = name(operands[0])
                    mcid = None
                    if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                        mcid = operands[1].get("/MCID")
                    art = tag == "Artifact"
                    if art and any(m is not None for _, m in stack):
                        self.fail("content", f"page {i + 1}: an artifact inside tagged content")
                    if mcid is not None and any(t == "Artifact" for t, _ in stack):
                        self.fail("content", f"page {i + 1}: tagged content inside an artifact")
                    if mcid is not None:
                        if int(mcid) in seen:
                            self.fail("mcid", f"page {i + 1}: MCID {mcid} used twice")
                        seen.add(int(mcid))
                        self.content_mcids.add((i, int(mcid)))
                        if (i, int(mcid)) not in self.mcr:
                            self.fail("mcid", f"page {i + 1}: MCID {mcid} has no element")
                    stack.append((tag, None if mcid is None else int(mcid)))
                elif op == "EMC":
                    if not stack:
                        self.fail("content", f"page {i + 1}: EMC without BDC")
                    else:
                        stack.pop()
                    if in_bt and len(stack) < bt_depth:
                        self.fail("content", f"page {i + 1}: marked content straddles BT")
                elif op == "BT":
                    in_bt, bt_depth = True, len(stack)
                elif op == "ET":
                    if len(stack) != bt_depth:
                        self.fail("content", f"page {i + 1}: marked content straddles ET")
                    in_bt = False
                elif op in PAINT:
                    if not any(t == "Artifact" or m is not None for t, m in stack):
                        self.fail("content", f"page {i + 1}: {op} neither tagged nor artifact")
            if stack:
                self.fail("content", f"page {i + 1}: marked content left open")
        for (p, m) in self.mcr:
            if (p, m) not in self.content_mcids:
                self.fail("mcid", f"page {p + 1}: the tree names MCID {m}, the content has none")

    def number_tree(self, node, out, depth=0):
        if depth > 8:
            return
        nums = node.get("/Nums")
        if nums is not None:
            for k in range(0, len(nums) - 1, 2):
                out[int(nums[k])] = nums[k + 1]
        for kid in node.get("/Kids", []):
            lim = kid.get("/Limits")
            if lim is None or len(lim) != 2:
                self.fail("parenttree", "a ParentTree kid without /Limits")
            self.number_tree(kid, out, depth + 1)

    def parent_tree(self):
        root = self.pdf.Root.get("/StructTreeRoot")
        if root is None or "/ParentTree" not in root:
            self.fail("parenttree", "no ParentTree")
            return
        self.pt = {}
        self.number_tree(root.ParentTree, self.pt)
        for i, page in enumerate(self.pdf.pages):
            sp = page.obj.get("/StructParents")
            if sp is None:
                self.fail("parenttree", f"page {i + 1} without /StructParents")
                continue
            arr = self.pt.get(int(sp))
            mine = {m: e for (p, m), e in self.mcr.items() if p == i}
            if mine and not isinstance(arr, pikepdf.Array):
                self.fail("parenttree", f"page {i + 1}: no array in the ParentTree")
                continue
            for m, e in mine.items():
                if m >= len(arr) or og(arr[m]) != og(e):
                    self.fail("parenttree", f"page {i + 1}: ParentTree[{sp}][{m}] is not "
                              f"the element holding MCID {m}")

    def links(self):
        for i, page in enumerate(self.pdf.pages):
            annots = page.obj.get("/Annots", [])
            if len(annots) and name(page.obj.get("/Tabs")) != "S":
                self.fail("links", f"page {i + 1} has annotations but no /Tabs /S")
            for a in annots:
                if name(a.get("/Subtype")) != "Link":
                    continue
                c = a.get("/Contents")
                if c is None or not str(c).strip():
                    self.fail("links", f"page {i + 1}: a link without /Contents")
                e = self.objr.get(og(a))
                if e is None or self.typ(name(e.S)) != "Link":
                    self.fail("links", f"page {i + 1}: a link annotation in no Link element")
                    continue
                sp = a.get("/StructParent")
                if sp is None or og(self.pt.get(int(sp))) != og(e):
                    self.fail("links", f"page {i + 1}: the link's /StructParent does not "
                              "lead back to its Link element")

    def metadata(self):
        root = self.pdf.Root
        mi = root.get("/MarkInfo")
        if mi is None or not bool(mi.get("/Marked", False)):
            self.fail("metadata", "no MarkInfo /Marked true")
        if not str(root.get("/Lang", "")).strip():
            self.fail("metadata", "no /Lang")
        vp = root.get("/ViewerPreferences")
        if vp is None or not bool(vp.get("/DisplayDocTitle", False)):
            self.fail("metadata", "DisplayDocTitle is not true")
        md = root.get("/Metadata")
        if md is None:
            self.fail("metadata", "no XMP metadata")
            return
        xmp = md.read_bytes()
        try:
            tree = ET.fromstring(xmp[xmp.index(b"<x:xmpmeta"):xmp.index(b"</x:xmpmeta>") + 12])
        except Exception as ex:
            self.fail("metadata", f"XMP is not well-formed: {ex}")
            return

        def text(path):
            n = tree.find(path, NS)
            return n.text.strip() if n is not None and n.text else None
        if text(".//pdfuaid:part") != "1":
            self.fail("metadata", "no pdfuaid:part 1")
        if tree.find(".//pdfaSchema:prefix", NS) is None or \
                "pdfuaid" not in [n.text for n in tree.iterfind(".//pdfaSchema:prefix", NS)]:
            self.fail("metadata", "pdfuaid not declared in a PDF/A extension schema")
        if self.pdfa and (text(".//pdfaid:part") != "2" or text(".//pdfaid:conformance") != "A"):
            self.fail("metadata", "not pdfaid:part 2 / pdfaid:conformance A")
        title = text(".//dc:title/rdf:Alt/rdf:li")
        info = str(self.pdf.trailer.get("/Info", {}).get("/Title", ""))
        if not title or title != info:
            self.fail("metadata", f"dc:title {title!r} is not Info /Title {info!r}")

    def run(self):
        self.walk()
        if not self.elems:
            self.fail("metadata", "an empty structure tree")
            return self
        self.rolemap = getattr(self, "rolemap", {})
        self.roles()
        self.structure()
        self.content()
        self.parent_tree()
        self.links()
        self.metadata()
        return self


def check(path, pdfa=True):
    with pikepdf.open(path) as pdf:
        return Checker(pdf, pdfa).run().fails


def main(argv):
    pdfa = "--no-pdfa" not in argv
    files = [a for a in argv if a != "--no-pdfa"]
    if not files:
        print(__doc__)
        return 2
    status = 0
    for f in files:
        try:
            fails = check(f, pdfa)
        except Exception as ex:
            print(f"{f}: cannot be read: {ex}")
            return 2
        bad = {k: v for k, v in fails.items() if v}
        for fam, msgs in bad.items():
            print(f"{f}: {fam}: {len(msgs)} x {msgs[0]}")
        if bad:
            status = 1
        else:
            print(f"{f}: all {len(FAMILIES)} families pass")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
