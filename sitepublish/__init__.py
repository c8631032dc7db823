"""``make publish``'s staging: build and check the site beside OUTPUT, then swap it in whole.

A publish that is killed (CI cancelled, machine stopped) must never leave an
OUTPUT that looks deployable but was not checked. So the site is built into a
staging folder inside OUTPUT's self-ignoring work folder
(``durable/folders.py``: ``<parent>/.<name>.work/new-XXXX``), the checks run
on that folder, and only a tree that passed replaces OUTPUT, in one atomic
step. OUTPUT is at every moment absent, the previous checked publish, or the
new checked one. The whole run holds OUTPUT's lock (``durable/lock.py``), so
a second publish or a ``make html`` on the same OUTPUT is refused meanwhile,
and starts by removing what a killed publish left in the work folder.

A refused publish (the build or a check failed) deletes OUTPUT as before, so
nothing undeployable stays behind by mistake.
"""
