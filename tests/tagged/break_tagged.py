#!/usr/bin/python3
"""break_tagged.py - proves that check_tagged.py catches what it claims to: takes a good
tagged PDF that styrrapport wrote, breaks one mapping at a time with pikepdf (a TH
loses its /Scope, a Figure its /Alt, a page gets untagged text, ...) and expects the
named family to fail, and nothing to fail on the unbroken file.

usage: break_tagged.py GOOD.pdf SCRATCH_DIR     exit 0 when every break is caught.
"""
import os
import sys

import pikepdf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_tagged  # noqa: E402


def elems(pdf):
    """Every structure element, depth first."""
    out, stack = [], [pdf.Root.StructTreeRoot]
    while stack:
        e = stack.pop()
        k = e.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]
        for c in reversed(kids):
            if isinstance(c, pikepdf.Dictionary) and "/S" in c:
                stack.append(c)
        if "/S" in e:
            out.append(e)
    return out


def first(pdf, typ, pred=lambda e: True):
    for e in elems(pdf):
        if str(e.S) == "/" + typ and pred(e):
            return e
    raise LookupError(typ)


def no_scope(pdf):
    del first(pdf, "TH").A


def no_alt(pdf):
    del first(pdf, "Figure").Alt


def no_bbox(pdf):
    first(pdf, "Figure").A = pikepdf.Dictionary(O=pikepdf.Name.Layout)


def untagged_text(pdf):
    page = pdf.pages[0]
    font = list(page.Resources.Font.keys())[0]
    page.contents_add(pdf.make_stream(f"BT {font} 9 Tf 72 72 Td (x) Tj ET".encode()))


def artifact_in_tagged(pdf):
    page = pdf.pages[0]
    font = list(page.Resources.Font.keys())[0]
    page.contents_add(pdf.make_stream(
        f"/P <</MCID 9999>> BDC /Artifact BMC BT {font} 9 Tf (x) Tj ET EMC EMC".encode()))


def mcid_twice(pdf):
    data = pdf.pages[0].Contents.read_bytes()
    pdf.pages[0].Contents.write(data.replace(b"<</MCID 1>>", b"<</MCID 0>>", 1))


def parent_tree_swapped(pdf):
    tree = pdf.Root.StructTreeRoot.ParentTree
    leaf = tree.Kids[0] if "/Kids" in tree else tree
    arr = leaf.Nums[1]
    arr[0], arr[1] = arr[1], arr[0]


def no_struct_parents(pdf):
    del pdf.pages[1].obj.StructParents


def wrong_parent(pdf):
    e = first(pdf, "TD")
    e.P = pdf.Root.StructTreeRoot


def non_standard_role(pdf):
    first(pdf, "TD").S = pikepdf.Name("/Cell")


def remapped_standard(pdf):
    pdf.Root.StructTreeRoot.RoleMap.P = pikepdf.Name.Span


def heading_skips(pdf):
    first(pdf, "H2").S = pikepdf.Name.H4


def td_outside_tr(pdf):
    tr = first(pdf, "TR")
    tr.S = pikepdf.Name.P


def ragged_table(pdf):
    tr = first(pdf, "TR", lambda e: str(e.P.S) == "/TBody" and len(e.P.K) >= 2)
    tr.K = pikepdf.Array(list(tr.K)[:-1])


def lbl_as_p(pdf):
    first(pdf, "Lbl").S = pikepdf.Name.P


def toci_outside(pdf):
    first(pdf, "TOC").S = pikepdf.Name.Div


def link_without_contents(pdf):
    for p in pdf.pages:
        for a in p.obj.get("/Annots", []):
            del a.Contents
            return


def link_without_objr(pdf):
    e = first(pdf, "Link")
    e.K = pikepdf.Array([k for k in e.K if not isinstance(k, pikepdf.Dictionary)])


def no_tabs(pdf):
    for p in pdf.pages:
        if "/Annots" in p.obj:
            del p.obj.Tabs
            return


def no_mark_info(pdf):
    del pdf.Root.MarkInfo


def conformance_b(pdf):
    md = pdf.Root.Metadata
    md.write(md.read_bytes().replace(b"<pdfaid:conformance>A<", b"<pdfaid:conformance>B<"))


def no_ua_extension(pdf):
    md = pdf.Root.Metadata
    md.write(md.read_bytes().replace(b"<pdfaSchema:prefix>pdfuaid<", b"<pdfaSchema:prefix>x<"))


BREAKS = [
    (no_scope, "tables"), (ragged_table, "tables"), (td_outside_tr, "tables"),
    (no_alt, "figures"), (no_bbox, "figures"),
    (untagged_text, "content"), (artifact_in_tagged, "content"),
    (mcid_twice, "mcid"), (parent_tree_swapped, "parenttree"),
    (no_struct_parents, "parenttree"), (wrong_parent, "parenttree"),
    (non_standard_role, "roles"), (remapped_standard, "roles"),
    (heading_skips, "headings"), (lbl_as_p, "lists"), (toci_outside, "toc"),
    (link_without_contents, "links"), (link_without_objr, "links"), (no_tabs, "links"),
    (no_mark_info, "metadata"), (conformance_b, "metadata"), (no_ua_extension, "metadata"),
]


def main(good, scratch):
    bad = 0
    fails = check_tagged.check(good)
    if any(fails.values()):
        print(f"the unbroken file fails already: {fails}")
        return 1
    caught = set()
    for fn, family in BREAKS:
        out = os.path.join(scratch, fn.__name__ + ".pdf")
        with pikepdf.open(good) as pdf:
            fn(pdf)
            pdf.save(out)
        fails = check_tagged.check(out)
        if not fails[family]:
            print(f"NOT CAUGHT: {fn.__name__} should fail {family}; got "
                  f"{ {k: v[:1] for k, v in fails.items() if v} }")
            bad += 1
        else:
            caught.add(family)
            print(f"caught: {fn.__name__} -> {family}: {fails[family][0]}")
    missing = set(check_tagged.FAMILIES) - caught
    if missing:
        print(f"families no break exercises: {sorted(missing)}")
        bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
