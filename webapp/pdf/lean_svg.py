"""Leave out of a chart's SVG what draws nothing, for WeasyPrint to draw it with less work.

matplotlib writes each bar and label in a group of its own (``<g id="patch_3">``), each text
turned by zero degrees (``rotate(-0 …)``), each bar clipped to the whole figure, and Dublin Core
metadata. WeasyPrint styles, walks and draws every node, saving and restoring the graphics
state around each group, transform and clip. The same drawing without them: the groups that
only name their content are unwrapped, the zero turns and the clips that cover the whole
drawing dropped, the metadata left out. The title and description (the PDF's alternative text),
the language and every shape and text stay.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

SVG = "http://www.w3.org/2000/svg"
_NO_TURN = re.compile(r"rotate\(-?0(?:\.0*)?(?:[ ,][^)]*)?\)")
_REFERENCE = re.compile(r"url\(#([^)]+)\)|#([\w.-]+)")


def lean(svg: str) -> str:
    """Return ``svg`` (one ``<svg>`` element, as matplotlib writes it) without what draws
    nothing; the same drawing."""
    ElementTree.register_namespace("", SVG)
    root = ElementTree.fromstring(svg)
    for metadata in root.findall(f"{{{SVG}}}metadata"):
        root.remove(metadata)
    for element in root.iter():
        if _NO_TURN.fullmatch(element.get("transform", "")):
            del element.attrib["transform"]
    _drop_whole_clips(root)
    referenced = {name for value in _attribute_values(root)
                  for found in _REFERENCE.findall(value) for name in found if name}
    _unwrap(root, referenced)
    return ElementTree.tostring(root, encoding="unicode")


def _attribute_values(root: ElementTree.Element) -> list[str]:
    return [value for element in root.iter() for value in element.attrib.values()]


def _drop_whole_clips(root: ElementTree.Element) -> None:
    """Drop each clip to a rectangle covering the whole drawing (where nothing is transformed),
    and the clip paths no longer used."""
    view = [float(number) for number in root.get("viewBox", "").split()]
    if len(view) != 4 or any(element.get("transform") for element in root.iter()):
        return
    whole = set()
    for clip in root.iter(f"{{{SVG}}}clipPath"):
        shapes = list(clip)
        if (len(shapes) == 1 and shapes[0].tag == f"{{{SVG}}}rect" and not clip.attrib.keys()
                - {"id"} and _covers(shapes[0], view)):
            whole.add(f"url(#{clip.get('id')})")
    for element in root.iter():
        if element.get("clip-path") in whole:
            del element.attrib["clip-path"]
    used = {value for value in _attribute_values(root) if value.startswith("url(#")}
    for defs in root.findall(f"{{{SVG}}}defs"):
        for clip in defs.findall(f"{{{SVG}}}clipPath"):
            if f"url(#{clip.get('id')})" not in used:
                defs.remove(clip)
        if not len(defs):
            root.remove(defs)


def _covers(rect: ElementTree.Element, view: list[float]) -> bool:
    try:
        x, y, width, height = (float(rect.get(name, "0"))
                               for name in ("x", "y", "width", "height"))
    except ValueError:
        return False
    left, top, view_width, view_height = view
    return (rect.attrib.keys() <= {"x", "y", "width", "height"} and x <= left and y <= top
            and x + width >= left + view_width and y + height >= top + view_height)


def _unwrap(parent: ElementTree.Element, referenced: set[str]) -> None:
    """Put in each group's place its content where the group only names it (an id nothing
    refers to)."""
    children: list[ElementTree.Element] = []
    for child in parent:
        _unwrap(child, referenced)
        if (child.tag == f"{{{SVG}}}g" and child.attrib.keys() <= {"id"}
                and child.get("id") not in referenced and not (child.text or "").strip()):
            children.extend(child)
        else:
            children.append(child)
    parent[:] = children
